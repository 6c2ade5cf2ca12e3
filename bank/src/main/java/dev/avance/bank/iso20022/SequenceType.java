package dev.avance.bank.iso20022;

/** SEPA direct debit sequence type: first, recurrent, one-off, final collection under a mandate. */
public enum SequenceType {
  FRST,
  RCUR,
  OOFF,
  FNAL
}
