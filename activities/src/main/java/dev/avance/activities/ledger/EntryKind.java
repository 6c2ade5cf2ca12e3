package dev.avance.activities.ledger;

/** The money facts the ledger records, one entry each. */
public enum EntryKind {
  PAYOUT_BOOKED,
  DEBIT_COLLECTED,
  DEBIT_RETURNED,
  REPAYMENT_APPLIED,
  REPAYMENT_REINSTATED,
  CREDIT_RECEIVED,
  REFUND_PAID,
  BILL_INTEREST,
  BILL_PENALTY,
  BILL_PAID,
  BILL_PAYMENT_RETURNED,
  UNATTRIBUTED_BOOKING,
  WRITE_OFF,
  RECOVERY
}
