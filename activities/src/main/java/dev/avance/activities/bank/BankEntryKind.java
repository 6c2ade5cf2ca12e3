package dev.avance.activities.bank;

/** What an entry of an incoming file reports. */
public enum BankEntryKind {
  /** pain.002: one payment's status (accepted, rejected, cancelled). */
  PAYMENT_STATUS,
  /** pain.002: the status of a whole file, with no status per payment. */
  FILE_STATUS,
  /** camt.054 / camt.053: money booked on one of Avance's accounts. */
  BOOKING,
  /** camt.029: the answer to a withdrawal request. */
  CANCELLATION_ANSWER
}
