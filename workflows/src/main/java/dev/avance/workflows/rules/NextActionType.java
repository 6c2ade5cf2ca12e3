package dev.avance.workflows.rules;

/** What will next happen to a loan, as {@link NextActions} works it out. */
public enum NextActionType {
  /** The request is being decided (registry, credit line): moments away. */
  DECISION,
  /** The borrower's consent is awaited ({@code POST /loan/{id}/validate}), until this date. */
  CONSENT,
  /** The payout is sent (or settles) on this date. */
  PAYOUT,
  /** The direct debit of the repayment is sent to the bank on this date. */
  DEBIT_INSTRUCTION,
  /** The instructed direct debit is collected on this date. */
  DEBIT_COLLECTION,
  /** The borrower repays by transfer by this date. */
  REPAYMENT_DUE,
  /** The loan is late: a reminder goes out on this date. */
  REMINDER,
  /** The principal is repaid: the interest is billed on this date (the 1st of a month). */
  BILLING,
  /** The interest is billed: the bill's payment is awaited (its date is on the bill). */
  BILL_PAYMENT,
  /** Nothing is planned: the loan is over, or late past its last reminder. */
  NONE
}
