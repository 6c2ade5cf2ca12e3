package dev.avance.workflows.loan;

/**
 * What the read model says of a loan request's borrower, line and invoice. {@code termsOutdated} is
 * true when the borrower's accepted T&Cs are older than the current version; null in the
 * assessments recorded before versions existed, which denied nothing for it.
 */
public record LoanAssessment(
    String borrowerStatus,
    String creditLineStatus,
    boolean borrowerLate,
    boolean invoiceAlreadyFinanced,
    RepaymentSetup repayment,
    Boolean termsOutdated) {

  public LoanAssessment(
      String borrowerStatus,
      String creditLineStatus,
      boolean borrowerLate,
      boolean invoiceAlreadyFinanced,
      RepaymentSetup repayment) {
    this(borrowerStatus, creditLineStatus, borrowerLate, invoiceAlreadyFinanced, repayment, null);
  }
}
