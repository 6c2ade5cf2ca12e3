package dev.avance.workflows.borrower;

/** A borrower's onboarding status. */
public enum BorrowerStatus {
  SUBMITTED,
  TO_SIGN,
  SIGNED,
  READY,
  BLOCKED,
  REFUSED,
  DEACTIVATED
}
