package dev.avance.activities.billing;

/** What a line of a bill charges. */
public enum BillLineKind {
  /** The loan's interest on its outstanding principal. */
  INTEREST,
  /** The optional penalty on the principal still outstanding after the loan's due date. */
  PENALTY
}
