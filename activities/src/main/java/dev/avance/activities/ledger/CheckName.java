package dev.avance.activities.ledger;

/** The invariants of the books that {@link LedgerCheck} runs. */
public enum CheckName {
  /** Every journal entry's lines add up to zero. */
  JOURNAL_BALANCED,
  /** Avance's bank cash account, per channel, equals the bank's booked movements. */
  BANK_CASH_EQUALS_BANK_MOVEMENTS,
  /** Each paid-out loan's reservation outstanding equals its principal account. */
  RESERVATION_EQUALS_PRINCIPAL,
  /** Each loan's read model outstanding equals its principal account (once it recorded). */
  LOAN_OUTSTANDING_EQUALS_PRINCIPAL,
  /** Each credit line's used amount equals its loans' principal plus its pending reservations. */
  CREDIT_LINE_USED_EQUALS_OUTSTANDING_PLUS_PENDING,
  /** No loan's principal or interest receivable is below zero. */
  NO_NEGATIVE_LOAN_BALANCE,
  /** A written-off loan's accounts are at zero and its write-off entry equals its record. */
  WRITTEN_OFF_LOAN_CLEARED
}
