package dev.avance.bank.iso20022;

/** Which way an entry moves the account: money in (CRDT) or out (DBIT). */
public enum CreditDebit {
  CRDT,
  DBIT
}
