package dev.avance.workflows.common;

/**
 * The types of business failures ({@code ApplicationFailure} types); all are non-retryable.
 * Infrastructure failures are plain exceptions left to the retry policy.
 */
public enum FailureType {
  /** The platform already onboarded a borrower with this registration number. */
  DUPLICATE_IDENTIFIER,
  /** A command arrived in a state that does not accept it. */
  INVALID_STATE,
  /** The borrower has no credit line yet. */
  NO_CREDIT_LINE,
  /** The amount exceeds the credit line's available balance. */
  AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE,
  /** The credit line's validity period is over; rescoring renews it. */
  CREDIT_LINE_EXPIRED,
  /** The credit line is blocked (see its status reason). */
  CREDIT_LINE_BLOCKED,
  /** No reservation exists for this loan. */
  UNKNOWN_RESERVATION,
  /** The incoming credit is not parked: unknown, matched to a loan already, or not yet settled. */
  CREDIT_NOT_PARKED,
  /** The loan is not waiting for repayment (not paid out yet, repaid, or ended). */
  LOAN_NOT_OPEN,
  /**
   * The credit holds nothing to pay back: unknown, applied in full, refunded already, or still
   * applicable to an open loan.
   */
  NOTHING_TO_REFUND;

  public String type() {
    return name();
  }
}
