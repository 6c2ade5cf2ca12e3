package dev.avance.workflows.borrower;

/** How a borrower repays: SEPA Direct Debit collected by Avance, or SEPA Credit Transfer. */
public enum PaymentMethod {
  DIRECT_DEBIT,
  SCT
}
