package dev.avance.api.loan;

/**
 * A payment's status as the API shows it: the bank's statuses, and SCHEDULED for a payment that is
 * planned but not yet sent to the bank (a payout before its day, a direct debit before its
 * instruction day), derived from the loan rather than stored.
 */
public enum PaymentState {
  SCHEDULED,
  INSTRUCTED,
  PAID,
  FAILED,
  RETURNED,
  CANCELED
}
