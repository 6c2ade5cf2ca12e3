package dev.avance.workflows.billing;

/** Where a billing run is; carried over continue-as-new so that a run resumes where it stopped. */
public enum BillingPhase {
  /** Compute every loan's interest of the period and write the bills with their lines. */
  GENERATE,
  /** Validate the bills page by page: platform bills TO_PAY, borrower bills debited. */
  ISSUE,
  /** Wait for the borrowers' direct debits and record their outcomes. */
  COLLECT,
  /** Close the loans whose interest is all billed and paid; then the run is done. */
  CLOSE
}
