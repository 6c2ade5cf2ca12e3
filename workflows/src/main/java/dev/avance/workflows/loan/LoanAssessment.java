package dev.avance.workflows.loan;

/** What the read model says of a loan request's borrower, line and invoice. */
public record LoanAssessment(
    String borrowerStatus,
    String creditLineStatus,
    boolean borrowerLate,
    boolean invoiceAlreadyFinanced,
    RepaymentSetup repayment) {}
