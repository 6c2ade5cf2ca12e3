package dev.avance.workflows.payment;

/** What a payment is for a loan: money out to the borrower, or money in from it. */
public enum PaymentType {
  /** SEPA credit transfer of the loan to the borrower's account. */
  PAYOUT,
  /** SEPA direct debit of the amount due, under the borrower's mandate. */
  DIRECT_DEBIT,
  /** A SEPA credit transfer received on the borrower's virtual IBAN. */
  INCOMING_TRANSFER,
  /** A SEPA credit transfer paying parked or overpaid money back to the account it came from. */
  REFUND
}
