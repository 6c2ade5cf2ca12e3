package dev.avance.activities.bank;

/** Work an applied entry leaves to the workflows, done at least once after its commit. */
public enum BankFollowUp {
  /** Start the credit's reconciliation workflow (match its reference, tell the loan or park it). */
  RECONCILE_CREDIT,
  /** Tell the loan that its direct debit, settled before, was returned. */
  DEBIT_RETURNED
}
