package dev.avance.workflows.payment;

/** Which loan an incoming credit pays; {@code loanId} null when it matches none. */
public record CreditMatch(String loanId, String platformId) {}
