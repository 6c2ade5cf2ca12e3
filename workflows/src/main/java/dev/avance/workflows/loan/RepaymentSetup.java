package dev.avance.workflows.loan;

/**
 * How a loan is repaid, from the borrower's default repayment method: DIRECT_DEBIT with its mandate
 * and account, or SCT to the borrower's virtual IBAN.
 */
public record RepaymentSetup(
    String method, String mandateReference, String iban, String bic, String virtualIban) {

  public boolean directDebit() {
    return "DIRECT_DEBIT".equals(method);
  }
}
