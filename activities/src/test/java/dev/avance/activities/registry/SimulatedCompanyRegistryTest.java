package dev.avance.activities.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.workflows.borrower.CompanyProfile;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import dev.avance.workflows.rules.CompanyIdentifiers;
import dev.avance.workflows.rules.Eligibility;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatedCompanyRegistryTest {
  // 23:30 UTC on 14 March is already 15 March in Paris, the calendar Avance counts days in.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-14T23:30:00Z"), ZoneOffset.UTC);
  private static final LocalDate PARIS_TODAY = LocalDate.of(2026, 3, 15);

  private final SimulatedCompanyRegistry registry = new SimulatedCompanyRegistry(CLOCK);

  // --- Valid identifiers whose digits start with chosen digits, computed independently. ---

  static String siren(String eightDigits) {
    for (char c = '0'; c <= '9'; c++) {
      String candidate = eightDigits + c;
      if (luhn(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("no Luhn digit for " + eightDigits);
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  static String cif(String sevenDigits) {
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      int digit = sevenDigits.charAt(i) - '0';
      sum += i % 2 == 1 ? digit : (2 * digit) / 10 + (2 * digit) % 10;
    }
    return "B" + sevenDigits + (10 - sum % 10) % 10;
  }

  static String kbo(String eightDigits) {
    return eightDigits + String.format("%02d", 97 - Long.parseLong(eightDigits) % 97);
  }

  static String germanVat(String eightDigits) {
    int product = 10;
    for (char c : eightDigits.toCharArray()) {
      int sum = (c - '0' + product) % 10;
      product = (2 * (sum == 0 ? 10 : sum)) % 11;
    }
    return "DE" + eightDigits + (11 - product) % 10;
  }

  /** A valid identifier of {@code type} whose digits begin with {@code digits} (8 digits). */
  static String identifier(IdentifierType type, String digits) {
    String id =
        switch (type) {
          case SIREN -> siren(digits);
          case NIF -> cif(digits.substring(0, 7));
          case HRB -> "HRB" + digits.substring(0, 6);
          case VAT -> germanVat(digits);
          case KVK -> digits;
          case KBO -> kbo(digits);
        };
    assertThat(CompanyIdentifiers.problem(type, CompanyIdentifiers.countryOf(type), id))
        .as(id)
        .isEmpty();
    assertThat(id.replaceAll("\\D", "")).startsWith(digits.substring(0, 6));
    return id;
  }

  private CompanyProfile lookUp(IdentifierType type, String identifier) {
    return registry.lookUp(CompanyIdentifiers.countryOf(type), type, identifier);
  }

  private Optional<String> refusal(IdentifierType type, String identifier) {
    return Eligibility.refusal(lookUp(type, identifier), type, identifier, PARIS_TODAY);
  }

  // --- The cases, for every identifier type. ---

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    String[][] cases = {
      {"90", Eligibility.INSOLVENT},
      {"91", Eligibility.STRUCK_OFF},
      {"92", Eligibility.NOT_COMMERCIAL_COMPANY},
      {"93", Eligibility.COMPANY_TOO_YOUNG},
      {"94", Eligibility.COMPANY_NOT_FOUND},
      {"15", null},
      {"00", null},
      {"89", null},
      {"95", null},
    };
    // KBO numbers start with 0 or 1, so every type uses the same leading "01".
    for (IdentifierType type : IdentifierType.values()) {
      for (String[] c : cases) {
        all.add(Arguments.of(type, "01" + c[0] + "5000", c[1]));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} with digits {1}: {2}")
  @MethodSource("cases")
  void theThirdAndFourthDigitsChooseTheCase(IdentifierType type, String digits, String refusal) {
    String id = identifier(type, digits);
    assertThat(refusal(type, id)).isEqualTo(Optional.ofNullable(refusal));
  }

  @Test
  void insolvent() {
    CompanyProfile profile = lookUp(IdentifierType.SIREN, "129000006");
    assertThat(profile.found()).isTrue();
    assertThat(profile.commercialCompany()).isTrue();
    assertThat(profile.insolvent()).isTrue();
    assertThat(profile.struckOff()).isFalse();
    assertThat(profile.legalForm()).isEqualTo("SAS");
    assertThat(profile.name()).isEqualTo("Simulated company 129000006");
  }

  @Test
  void struckOff() {
    CompanyProfile profile = lookUp(IdentifierType.SIREN, "129100004");
    assertThat(profile.found()).isTrue();
    assertThat(profile.commercialCompany()).isTrue();
    assertThat(profile.insolvent()).isFalse();
    assertThat(profile.struckOff()).isTrue();
  }

  @Test
  void notCommercial() {
    CompanyProfile profile = lookUp(IdentifierType.SIREN, "129200002");
    assertThat(profile.found()).isTrue();
    assertThat(profile.commercialCompany()).isFalse();
    assertThat(profile.legalForm()).isEqualTo("Association");
    assertThat(profile.insolvent()).isFalse();
    assertThat(profile.struckOff()).isFalse();
  }

  @Test
  void tooYoungIsThreeMonthsBeforeTodayInParis() {
    CompanyProfile profile = lookUp(IdentifierType.SIREN, "129300000");
    assertThat(profile.found()).isTrue();
    assertThat(profile.commercialCompany()).isTrue();
    assertThat(profile.createdOn()).isEqualTo(LocalDate.of(2025, 12, 15));
  }

  @Test
  void tooYoungFollowsTheClock() {
    Clock later = Clock.fixed(Instant.parse("2027-07-01T12:00:00Z"), ZoneOffset.UTC);
    CompanyProfile profile =
        new SimulatedCompanyRegistry(later).lookUp(Country.FRA, IdentifierType.SIREN, "129300000");
    assertThat(profile.createdOn()).isEqualTo(LocalDate.of(2027, 4, 1));
  }

  @Test
  void notFound() {
    CompanyProfile profile = lookUp(IdentifierType.SIREN, "129400008");
    assertThat(profile)
        .isEqualTo(new CompanyProfile(false, null, null, false, null, 0, false, false));
  }

  @Test
  void eligibleDefault() {
    CompanyProfile profile = lookUp(IdentifierType.SIREN, "121530000");
    assertThat(profile)
        .isEqualTo(
            new CompanyProfile(
                true,
                "Simulated company 121530000",
                "SAS",
                true,
                LocalDate.of(2014, 1, 1),
                100_000_000L,
                false,
                false));
  }

  @Test
  void legalFormFollowsTheCountry() {
    String digits = "01155000";
    assertThat(lookUp(IdentifierType.SIREN, identifier(IdentifierType.SIREN, digits)).legalForm())
        .isEqualTo("SAS");
    assertThat(lookUp(IdentifierType.NIF, identifier(IdentifierType.NIF, digits)).legalForm())
        .isEqualTo("SL");
    assertThat(lookUp(IdentifierType.HRB, identifier(IdentifierType.HRB, digits)).legalForm())
        .isEqualTo("GmbH");
    assertThat(lookUp(IdentifierType.VAT, identifier(IdentifierType.VAT, digits)).legalForm())
        .isEqualTo("GmbH");
    assertThat(lookUp(IdentifierType.KVK, identifier(IdentifierType.KVK, digits)).legalForm())
        .isEqualTo("BV");
    assertThat(lookUp(IdentifierType.KBO, identifier(IdentifierType.KBO, digits)).legalForm())
        .isEqualTo("SRL");
  }

  @ParameterizedTest(name = "digits 5-6 = {0} -> {1} years")
  @MethodSource("ages")
  void ageComesFromTheFifthAndSixthDigitsBeforeAFixedAnchor(String fifthAndSixth, int years) {
    String id = siren("1215" + fifthAndSixth + "00");
    assertThat(lookUp(IdentifierType.SIREN, id).createdOn())
        .isEqualTo(LocalDate.of(2026 - years, 1, 1));
  }

  static Stream<Arguments> ages() {
    return Stream.of(
        Arguments.of("00", 2),
        Arguments.of("07", 9),
        Arguments.of("19", 21),
        Arguments.of("20", 2),
        Arguments.of("39", 21),
        Arguments.of("50", 12),
        Arguments.of("99", 21));
  }

  @Test
  void ageDoesNotDriftWithTheClock() {
    Clock muchLater = Clock.fixed(Instant.parse("2031-06-30T08:00:00Z"), ZoneOffset.UTC);
    SimulatedCompanyRegistry later = new SimulatedCompanyRegistry(muchLater);
    for (String id : List.of("121530000", "129000006", "121500003")) {
      assertThat(later.lookUp(Country.FRA, IdentifierType.SIREN, id))
          .as(id)
          .isEqualTo(registry.lookUp(Country.FRA, IdentifierType.SIREN, id));
    }
  }

  @ParameterizedTest(name = "fifth digit {0}")
  @ValueSource(chars = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'})
  void revenueComesFromTheFifthDigit(char fifth) {
    long expected =
        switch (fifth) {
          case '0', '1', '2' -> 20_000_000L;
          case '3', '4', '5' -> 100_000_000L;
          case '6', '7', '8' -> 500_000_000L;
          default -> 2_000_000_000L;
        };
    String id = siren("1215" + fifth + "000");
    assertThat(lookUp(IdentifierType.SIREN, id).annualRevenueCents()).isEqualTo(expected);
  }

  @Test
  void theJavadocExamplesBehaveAsDocumented() {
    record Example(String siren, int createdYear, long revenueCents) {}
    for (Example e :
        List.of(
            new Example("121500003", 2024, 20_000_000L),
            new Example("121560007", 2024, 500_000_000L),
            new Example("121530000", 2014, 100_000_000L),
            new Example("121590004", 2014, 2_000_000_000L))) {
      CompanyProfile profile = lookUp(IdentifierType.SIREN, e.siren());
      assertThat(profile.createdOn()).as(e.siren()).isEqualTo(LocalDate.of(e.createdYear(), 1, 1));
      assertThat(profile.annualRevenueCents()).as(e.siren()).isEqualTo(e.revenueCents());
      assertThat(refusal(IdentifierType.SIREN, e.siren())).as(e.siren()).isEmpty();
    }
    assertThat(refusal(IdentifierType.SIREN, "129000006")).contains(Eligibility.INSOLVENT);
    assertThat(refusal(IdentifierType.SIREN, "129100004")).contains(Eligibility.STRUCK_OFF);
    assertThat(refusal(IdentifierType.SIREN, "129200002"))
        .contains(Eligibility.NOT_COMMERCIAL_COMPANY);
    assertThat(refusal(IdentifierType.SIREN, "129300000")).contains(Eligibility.COMPANY_TOO_YOUNG);
    assertThat(refusal(IdentifierType.SIREN, "129400008")).contains(Eligibility.COMPANY_NOT_FOUND);
  }

  @Test
  void realSirensAreEligibleCompanies() {
    // 552100554: "21" is no special case; "00" gives 2 years, "0" gives €200,000.
    CompanyProfile profile = lookUp(IdentifierType.SIREN, "552100554");
    assertThat(profile.createdOn()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(profile.annualRevenueCents()).isEqualTo(20_000_000L);
    assertThat(refusal(IdentifierType.SIREN, "552100554")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"HRB1", "HRB12", "HRB123"})
  void fewerThanFourDigitsIsTheEligibleDefault(String hrb) {
    CompanyProfile profile = lookUp(IdentifierType.HRB, hrb);
    assertThat(profile.found()).isTrue();
    assertThat(profile.commercialCompany()).isTrue();
    assertThat(profile.legalForm()).isEqualTo("GmbH");
    assertThat(profile.createdOn()).isEqualTo(LocalDate.of(2016, 1, 1));
    assertThat(profile.annualRevenueCents()).isEqualTo(100_000_000L);
    assertThat(refusal(IdentifierType.HRB, hrb)).isEmpty();
  }

  @Test
  void fourOrFiveDigitsChooseTheCaseButKeepTheDefaultAge() {
    CompanyProfile four = lookUp(IdentifierType.HRB, "HRB1290");
    assertThat(four.insolvent()).isTrue();
    assertThat(four.createdOn()).isEqualTo(LocalDate.of(2016, 1, 1));
    assertThat(four.annualRevenueCents()).isEqualTo(100_000_000L);

    CompanyProfile five = lookUp(IdentifierType.HRB, "HRB12919");
    assertThat(five.struckOff()).isTrue();
    assertThat(five.createdOn()).isEqualTo(LocalDate.of(2016, 1, 1));
    assertThat(five.annualRevenueCents()).isEqualTo(2_000_000_000L);
  }

  @Test
  void lettersDoNotCountAsDigits() {
    // HRB12345B: digits 12345, so "34" is no case, and the register letters change nothing.
    CompanyProfile profile = lookUp(IdentifierType.HRB, "HRB12345B");
    assertThat(profile.found()).isTrue();
    assertThat(profile.insolvent()).isFalse();
    assertThat(profile.name()).isEqualTo("Simulated company HRB12345B");
    assertThat(profile)
        .usingRecursiveComparison()
        .ignoringFields("name")
        .isEqualTo(lookUp(IdentifierType.HRB, "HRA12345"));
    assertThat(lookUp(IdentifierType.HRB, "VR12905X").insolvent()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678Z", "12945678J", "X1234567L", "Y1294567A"})
  void spanishPersonsAreFoundButNotCommercial(String nif) {
    assertThat(CompanyIdentifiers.problem(IdentifierType.NIF, Country.ESP, nif)).isEmpty();
    CompanyProfile profile = lookUp(IdentifierType.NIF, nif);
    assertThat(profile.found()).isTrue();
    assertThat(profile.commercialCompany()).isFalse();
    assertThat(profile.legalForm()).isEqualTo("Persona física");
    assertThat(refusal(IdentifierType.NIF, nif)).contains(Eligibility.NOT_COMMERCIAL_COMPANY);
  }

  @Test
  void aSpanishCompanyIsAnSl() {
    String cif = identifier(IdentifierType.NIF, "01155000");
    CompanyProfile profile = lookUp(IdentifierType.NIF, cif);
    assertThat(profile.commercialCompany()).isTrue();
    assertThat(profile.legalForm()).isEqualTo("SL");
    assertThat(refusal(IdentifierType.NIF, cif)).isEmpty();
  }

  @Test
  void isDeterministic() {
    SimulatedCompanyRegistry other = new SimulatedCompanyRegistry(CLOCK);
    for (String id : List.of("121530000", "129000006", "129300000", "129400008")) {
      assertThat(other.lookUp(Country.FRA, IdentifierType.SIREN, id))
          .as(id)
          .isEqualTo(registry.lookUp(Country.FRA, IdentifierType.SIREN, id));
    }
  }
}
