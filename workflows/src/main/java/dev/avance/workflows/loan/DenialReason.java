package dev.avance.workflows.loan;

import dev.avance.workflows.rules.LoanTerms;

/**
 * Why a loan was declined (or, for {@link #PAYOUT_FAILED}, why it needs operators): the {@code
 * denial_reason} codes platforms read, never renamed once shipped.
 */
public enum DenialReason {
  BORROWER_TO_SIGN,
  BORROWER_STATUS,
  LATE_REPAYMENT_BORROWER,
  MISSING_DATA,
  CREDIT_LINE_EXPIRED,
  CREDIT_LINE_BLOCKED,
  AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE,
  INVOICE_ALREADY_FINANCED,
  EXCESSIVE_DURATION_LOAN_REQUEST,
  AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT,
  MAX_AMOUNT_EXCEEDED_BORROWER,
  INVALID_AMOUNT,
  LOAN_REQUEST_EXPIRED,
  PAYOUT_FAILED,
  /** A newer version of the T&Cs was published: the borrower signs it before its next loan. */
  TERMS_NOT_ACCEPTED;

  static {
    // The pure rules return their codes as strings; they must name constants of this enum.
    for (String code :
        new String[] {
          LoanTerms.EXCESSIVE_DURATION,
          LoanTerms.AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT,
          LoanTerms.MAX_AMOUNT_EXCEEDED_BORROWER,
          LoanTerms.INVALID_AMOUNT
        }) {
      valueOf(code);
    }
  }

  public String code() {
    return name();
  }
}
