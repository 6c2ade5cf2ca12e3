package dev.avance.bank.iso20022;

/** An entry's status (ExternalEntryStatus1Code): booked, pending, or information only. */
public enum EntryStatus {
  BOOK,
  PDNG,
  INFO
}
