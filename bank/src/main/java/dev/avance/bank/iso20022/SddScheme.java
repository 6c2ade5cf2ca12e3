package dev.avance.bank.iso20022;

/** The SEPA direct debit scheme (LclInstrm/Cd): CORE, or B2B for business debtors. */
public enum SddScheme {
  CORE,
  B2B
}
