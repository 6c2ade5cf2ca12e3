package dev.avance.activities.registry;

import dev.avance.workflows.borrower.CompanyProfile;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import dev.avance.workflows.rules.CompanyIdentifiers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * A registry that derives every answer from the identifier, so that tests and demos pick each case
 * by choosing the number. Let {@code d} be the identifier's digits only.
 *
 * <p>The 3rd and 4th digits, {@code d[2..3]}, choose the case (fewer than 4 digits: eligible):
 *
 * <table>
 *   <caption>Cases</caption>
 *   <tr><th>{@code d[2..3]}</th><th>Profile</th><th>Example SIREN</th></tr>
 *   <tr><td>90</td><td>insolvent</td><td>129000006</td></tr>
 *   <tr><td>91</td><td>struck off</td><td>129100004</td></tr>
 *   <tr><td>92</td><td>not a commercial company, legal form "Association"</td>
 *       <td>129200002</td></tr>
 *   <tr><td>93</td><td>created 3 months before today (Europe/Paris): too young</td>
 *       <td>129300000</td></tr>
 *   <tr><td>94</td><td>not found</td><td>129400008</td></tr>
 *   <tr><td>other</td><td>eligible</td><td>121530000</td></tr>
 * </table>
 *
 * <p>Unless the case says otherwise, a company is found, commercial (SAS in France, SL in Spain,
 * GmbH in Germany, BV in the Netherlands, SRL in Belgium), neither insolvent nor struck off, named
 * "Simulated company " + identifier, and:
 *
 * <ul>
 *   <li>created {@code 2 + (d[4..5] % 20)} years before 2026-01-01, a fixed anchor so that a demo's
 *       company does not age; 10 years when {@code d} has fewer than 6 digits;
 *   <li>with an annual revenue chosen by the 5th digit {@code d[4]}: 0–2 €200,000; 3–5 €1,000,000;
 *       6–8 €5,000,000; 9 €20,000,000; €1,000,000 when {@code d} has fewer than 5 digits.
 * </ul>
 *
 * <p>For example 121500003 is 2 years old with €200,000; 121560007 2 years with €5,000,000;
 * 121530000 12 years with €1,000,000; 121590004 12 years with €20,000,000.
 *
 * <p>A Spanish NIF that is not a company CIF (a DNI or NIE) names a person: found, legal form
 * "Persona física", not commercial, whatever its digits.
 */
@Component
public class SimulatedCompanyRegistry implements CompanyRegistry {
  /** The date company ages count back from. */
  static final LocalDate AGE_ANCHOR = LocalDate.of(2026, 1, 1);

  static final int DEFAULT_AGE_YEARS = 10;
  static final long DEFAULT_REVENUE_CENTS = 100_000_000L;

  // Avance's calendar days are Paris days (DESIGN §5), whatever the clock's zone.
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final Clock clock;

  public SimulatedCompanyRegistry(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompanyProfile lookUp(Country country, IdentifierType type, String identifier) {
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(identifier, "identifier");
    String d = identifier.replaceAll("\\D", "");
    String name = "Simulated company " + identifier;
    LocalDate createdOn = createdOn(d);
    long revenue = revenueCents(d);

    if (type == IdentifierType.NIF && !CompanyIdentifiers.isSpanishCompanyNif(identifier)) {
      return new CompanyProfile(
          true, name, "Persona física", false, createdOn, revenue, false, false);
    }
    String legalForm = legalForm(country);
    String scenario = d.length() >= 4 ? d.substring(2, 4) : "";
    return switch (scenario) {
      case "90" -> new CompanyProfile(true, name, legalForm, true, createdOn, revenue, true, false);
      case "91" -> new CompanyProfile(true, name, legalForm, true, createdOn, revenue, false, true);
      case "92" ->
          new CompanyProfile(true, name, "Association", false, createdOn, revenue, false, false);
      case "93" ->
          new CompanyProfile(
              true,
              name,
              legalForm,
              true,
              LocalDate.now(clock.withZone(PARIS)).minusMonths(3),
              revenue,
              false,
              false);
      case "94" -> new CompanyProfile(false, null, null, false, null, 0, false, false);
      default -> new CompanyProfile(true, name, legalForm, true, createdOn, revenue, false, false);
    };
  }

  private static LocalDate createdOn(String d) {
    int years = d.length() >= 6 ? 2 + Integer.parseInt(d.substring(4, 6)) % 20 : DEFAULT_AGE_YEARS;
    return AGE_ANCHOR.minusYears(years);
  }

  private static long revenueCents(String d) {
    if (d.length() < 5) {
      return DEFAULT_REVENUE_CENTS;
    }
    return switch (d.charAt(4)) {
      case '0', '1', '2' -> 20_000_000L;
      case '3', '4', '5' -> 100_000_000L;
      case '6', '7', '8' -> 500_000_000L;
      default -> 2_000_000_000L;
    };
  }

  private static String legalForm(Country country) {
    return switch (country) {
      case FRA -> "SAS";
      case ESP -> "SL";
      case DEU -> "GmbH";
      case NLD -> "BV";
      case BEL -> "SRL";
    };
  }
}
