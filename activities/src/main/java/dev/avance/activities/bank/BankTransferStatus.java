package dev.avance.activities.bank;

/** A transfer's status at the bank. */
public enum BankTransferStatus {
  /** Received, not executed yet: it can still be withdrawn. */
  PENDING,
  /** Executed: the money moved on the settlement day. */
  SETTLED,
  /** A payout the bank refused to execute (the reason says why). */
  REJECTED,
  /**
   * A direct debit sent back by the debtor's bank with a SEPA R-code, possibly days after it
   * settled.
   */
  RETURNED,
  /** Withdrawn by Avance before it was executed: never sent. */
  WITHDRAWN
}
