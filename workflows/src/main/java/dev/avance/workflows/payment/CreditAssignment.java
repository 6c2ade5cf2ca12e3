package dev.avance.workflows.payment;

/** The outcome of an assignment: the credit now repays {@code loanId}. */
public record CreditAssignment(String bankReference, String loanId, long amountCents) {}
