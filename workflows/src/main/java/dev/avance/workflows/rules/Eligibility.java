package dev.avance.workflows.rules;

import dev.avance.workflows.borrower.CompanyProfile;
import dev.avance.workflows.borrower.IdentifierType;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a company may borrow at all, from what its registry says. The checks run in the order of
 * the reason codes below and the first failing one is the refusal.
 */
public final class Eligibility {
  /** The registry does not know the identifier. */
  public static final String COMPANY_NOT_FOUND = "COMPANY_NOT_FOUND";

  /** Not a commercial company: an association, a public body, or a person (Spanish DNI/NIE). */
  public static final String NOT_COMMERCIAL_COMPANY = "NOT_COMMERCIAL_COMPANY";

  /** In insolvency proceedings. */
  public static final String INSOLVENT = "INSOLVENT";

  /** Removed from the register. */
  public static final String STRUCK_OFF = "STRUCK_OFF";

  /** Created less than {@link #MIN_COMPANY_AGE_MONTHS} months ago, or on an unknown date. */
  public static final String COMPANY_TOO_YOUNG = "COMPANY_TOO_YOUNG";

  /** The age a company must have reached, in months, to borrow. */
  public static final int MIN_COMPANY_AGE_MONTHS = 6;

  private Eligibility() {}

  /**
   * The reason code refusing this company, or empty when it is eligible. A company created exactly
   * {@link #MIN_COMPANY_AGE_MONTHS} months before {@code today} is old enough.
   */
  public static Optional<String> refusal(
      CompanyProfile profile, IdentifierType type, String identifier, LocalDate today) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(today, "today");
    if (!profile.found()) {
      return Optional.of(COMPANY_NOT_FOUND);
    }
    // A Spanish NIF also names persons, whom a registry may know as traders: only a CIF is a
    // company, whatever the profile says.
    boolean person =
        type == IdentifierType.NIF && !CompanyIdentifiers.isSpanishCompanyNif(identifier);
    if (!profile.commercialCompany() || person) {
      return Optional.of(NOT_COMMERCIAL_COMPANY);
    }
    if (profile.insolvent()) {
      return Optional.of(INSOLVENT);
    }
    if (profile.struckOff()) {
      return Optional.of(STRUCK_OFF);
    }
    // An age we cannot establish is not an age we can lend on.
    LocalDate createdOn = profile.createdOn();
    if (createdOn == null || createdOn.isAfter(today.minusMonths(MIN_COMPANY_AGE_MONTHS))) {
      return Optional.of(COMPANY_TOO_YOUNG);
    }
    return Optional.empty();
  }
}
