package dev.avance.activities.ledger;

/** What an account holds; its code ends with the kind's name. */
public enum AccountKind {
  /** A loan's principal paid out and not repaid (an asset of Avance). */
  PRINCIPAL,
  /** A loan's interest billed and not paid. */
  INTEREST,
  /** A loan's penalties billed and not paid (only with a penalty rate; off by default). */
  PENALTIES,
  /** Money received on a borrower's account (or Avance's) that no loan or bill was given yet. */
  UNASSIGNED,
  /**
   * Money collected for a borrower's loans beyond what they applied: the borrower's to get back.
   */
  OVERPAYMENTS,
  /** Fees a payer owes beyond its loans' lines (kept for billing of fees not per loan). */
  FEES_PAYABLE,
  /** Avance's account at its bank, as the bank's bookings move it. */
  BANK_CASH,
  /** Money asserted by an operator (a bill paid by transfer) that no bank booking carried. */
  CLEARING,
  /** Avance's earned interest. */
  INTEREST_INCOME,
  /** Avance's earned penalties on late principal. */
  PENALTY_INCOME,
  /** Principal, interest and penalties written off (an expense of Avance). */
  WRITE_OFF,
  /** Money received for a loan after it was written off (income, not a repayment). */
  RECOVERY_INCOME,
  /** Bank bookings Avance could not attribute (conflicts, unknown payments): operators' work. */
  SUSPENSE
}
