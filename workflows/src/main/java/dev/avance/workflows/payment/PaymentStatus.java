package dev.avance.workflows.payment;

/**
 * A payment's status: INSTRUCTED (sent to the bank), PAID (settled), FAILED (a payout the bank
 * rejected), RETURNED (a direct debit returned with an R-code), CANCELED (withdrawn before it was
 * sent).
 */
public enum PaymentStatus {
  INSTRUCTED,
  PAID,
  FAILED,
  RETURNED,
  CANCELED
}
