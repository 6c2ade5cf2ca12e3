package dev.avance.workflows.loan;

/** A loan's status; lateness is a flag on TO_REPAY, not a status. */
public enum LoanStatus {
  SUBMITTED,
  PENDING_VALIDATION,
  TO_VALIDATE,
  DECLINED,
  VALIDATED,
  CANCELED,
  SCHEDULED,
  INITIATED,
  TO_REPAY,
  TO_REPAY_FEES,
  CLOSED,
  ISSUE_DETECTED;

  /** Whether the loan can still be canceled: the payout has not been instructed. */
  public boolean cancelable() {
    return this == TO_VALIDATE || this == VALIDATED || this == SCHEDULED;
  }

  public boolean ended() {
    return this == DECLINED || this == CANCELED || this == CLOSED || this == ISSUE_DETECTED;
  }
}
