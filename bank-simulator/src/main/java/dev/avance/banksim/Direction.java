package dev.avance.banksim;

/** Which way a payment goes, seen from the bank's customer (Avance). */
public enum Direction {
  /** A credit transfer from Avance's account (pain.001): a payout or a refund. */
  OUT,
  /** A direct debit collected to Avance's account (pain.008). */
  DEBIT,
  /** A credit from outside to one of Avance's accounts (a virtual IBAN). */
  IN
}
