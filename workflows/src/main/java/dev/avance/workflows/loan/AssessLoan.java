package dev.avance.workflows.loan;

/** Activity input: look up what the decision on a loan request needs. */
public record AssessLoan(
    String loanId, String platformId, String borrowerId, String invoiceNumber) {}
