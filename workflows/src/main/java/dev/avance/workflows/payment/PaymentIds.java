package dev.avance.workflows.payment;

/** Payment ids are business keys (loan id + step): the bank accepts each one at most once. */
public final class PaymentIds {
  private PaymentIds() {}

  public static String payout(String loanId) {
    return loanId + ":payout";
  }

  /** The n-th direct debit of a loan (a new one only when its due date moved before it). */
  public static String directDebit(String loanId, int n) {
    return loanId + ":debit:" + n;
  }

  public static boolean isDirectDebitOf(String paymentId, String loanId) {
    return paymentId.startsWith(loanId + ":debit:");
  }
}
