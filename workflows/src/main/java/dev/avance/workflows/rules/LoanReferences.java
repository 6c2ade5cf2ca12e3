package dev.avance.workflows.rules;

import java.util.Locale;
import java.util.Objects;

/** The references a loan is repaid under, derived from its id alone so that they never change. */
public final class LoanReferences {
  /** The most letters and digits an ISO 11649 reference carries after {@code RF} and its check. */
  public static final int MAX_PAYLOAD_LENGTH = 21;

  private LoanReferences() {}

  /**
   * The ISO 11649 {@code RF} creditor reference a payer quotes to repay loan {@code loanId} by
   * transfer: the id's first {@value #MAX_PAYLOAD_LENGTH} ASCII letters and digits, in upper case,
   * everything else (the dashes of a UUID) dropped.
   *
   * <p>From a random (version 4) UUID that keeps 78 random bits, enough for references to be
   * distinct in practice, but the mapping is not one-to-one: ids that differ only by case,
   * punctuation or after their 21st letter or digit share a reference. Match incoming transfers
   * against the reference stored with each loan, never by reading an id back out of it.
   *
   * @throws IllegalArgumentException if the id has no ASCII letter or digit
   */
  public static String remittanceReference(String loanId) {
    Objects.requireNonNull(loanId, "loanId");
    StringBuilder payload = new StringBuilder(MAX_PAYLOAD_LENGTH);
    for (int i = 0; i < loanId.length() && payload.length() < MAX_PAYLOAD_LENGTH; i++) {
      char c = loanId.charAt(i);
      // ASCII only: RfReference refuses other letters, and Character.isLetterOrDigit would let
      // through accented letters and non-Latin digits.
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        payload.append(c);
      }
    }
    if (payload.length() == 0) {
      throw new IllegalArgumentException("a loan id needs a letter or a digit: " + loanId);
    }
    return RfReference.of(payload.toString().toUpperCase(Locale.ROOT));
  }
}
