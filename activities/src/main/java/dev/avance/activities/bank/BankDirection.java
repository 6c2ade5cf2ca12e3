package dev.avance.activities.bank;

/** Which way the money goes, as the bank sees it. */
public enum BankDirection {
  /** A SEPA credit transfer from Avance's account (a loan payout). */
  OUT,
  /** A SEPA direct debit collected from the debtor's account under a mandate (a repayment). */
  DEBIT
}
