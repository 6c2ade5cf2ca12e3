package dev.avance.workflows.payment;

/** An operator's assignment of a parked incoming credit to the loan it repays. */
public record AssignCredit(String bankReference, String loanId) {}
