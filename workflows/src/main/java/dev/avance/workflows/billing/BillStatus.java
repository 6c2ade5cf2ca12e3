package dev.avance.workflows.billing;

/**
 * A bill's status, named after the reference API: GENERATED (computed with its lines), VALIDATED
 * (checked and about to be collected: a borrower's direct debit is being instructed), TO_PAY (the
 * payer owes it: debit instructed, or a platform's bill awaiting its transfer), PAID.
 */
public enum BillStatus {
  GENERATED,
  VALIDATED,
  TO_PAY,
  PAID
}
