package dev.avance.workflows.payment;

import dev.avance.workflows.borrower.Done;
import io.temporal.activity.ActivityInterface;

/** Reconciliation of incoming transfers: by the RF reference they quote, with no API call. */
@ActivityInterface
public interface IncomingCreditActivities {

  /**
   * Finds the loan whose RF reference the remittance information quotes, on that virtual IBAN, or
   * else the bill it quotes, on the account the bill is payable to; in the credit's channel only.
   */
  CreditMatch match(IncomingCredit credit);

  /**
   * The credit pays the bill: PAID, and the loans it settles CLOSED, in one transaction; a credit
   * short of the bill, or for a bill no longer payable, is parked for operators.
   */
  Done payBill(PayBill command);

  /** Records the credit as a payment of the loan, or parks it for operators. */
  Done settle(SettleCredit command);

  /**
   * Checks that the credit is parked and the loan open for repayment, without changing either;
   * fails with CREDIT_NOT_PARKED or LOAN_NOT_OPEN otherwise.
   */
  ClaimedCredit claim(AssignCredit request);
}
