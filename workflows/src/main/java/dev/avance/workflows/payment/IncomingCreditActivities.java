package dev.avance.workflows.payment;

import dev.avance.workflows.borrower.Done;
import io.temporal.activity.ActivityInterface;

/** Reconciliation of incoming transfers: by the RF reference they quote, with no API call. */
@ActivityInterface
public interface IncomingCreditActivities {

  /** Finds the loan whose RF reference the remittance information quotes, on that virtual IBAN. */
  CreditMatch match(IncomingCredit credit);

  /** Records the credit as a payment of the loan, or parks it for operators. */
  Done settle(SettleCredit command);

  /**
   * Checks that the credit is parked and the loan open for repayment, without changing either;
   * fails with CREDIT_NOT_PARKED or LOAN_NOT_OPEN otherwise.
   */
  ClaimedCredit claim(AssignCredit request);
}
