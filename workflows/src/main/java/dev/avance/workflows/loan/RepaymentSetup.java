package dev.avance.workflows.loan;

/**
 * How a loan is repaid, from the borrower's default repayment method: DIRECT_DEBIT with its mandate
 * and account; SCT to the borrower's virtual IBAN; or SCT from a wallet that Avance debits under a
 * (business-to-business) mandate. Only the method says who pays the interest: the borrower under
 * DIRECT_DEBIT, the platform under SCT (the guide: "if you handle repayment, you pay the fees").
 */
public record RepaymentSetup(
    String method, String mandateReference, String iban, String bic, String virtualIban) {

  public boolean directDebit() {
    return "DIRECT_DEBIT".equals(method);
  }

  /**
   * Avance collects the repayment by a direct debit: under a DIRECT_DEBIT method, or from an SCT
   * method's wallet. Methods recorded before wallets were debited had a mandate only under
   * DIRECT_DEBIT, so for them this is {@link #directDebit()}.
   */
  public boolean collectsByDebit() {
    return mandateReference != null && iban != null;
  }
}
