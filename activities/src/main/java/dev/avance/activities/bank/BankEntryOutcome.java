package dev.avance.activities.bank;

/** What Avance made of an entry of an incoming file. */
public enum BankEntryOutcome {
  /** It changed a payment (or a bill) as it says. */
  APPLIED,
  /** What it says was already known (an earlier file said it): nothing changed. */
  ALREADY_APPLIED,
  /** The same entry came before, in this file or another (a statement repeating a notification). */
  DUPLICATE,
  /** Money received on one of Avance's accounts: recorded, then reconciled by a workflow. */
  CREDIT_RECEIVED,
  /** It names no payment of this channel. Left for operators. */
  UNKNOWN_PAYMENT,
  /** It contradicts what the bank said before (a rejection after a booking, another amount). */
  CONFLICT,
  /** Pending or information only: not money yet. */
  NOT_BOOKED,
  /** Not in euros: Avance books euros only. Left for operators. */
  UNSUPPORTED_CURRENCY,
  /** Real money that no rule applies to (a payout that came back, a bank fee). For operators. */
  FOR_OPERATORS
}
