package dev.avance.workflows.payment;

/** Activity input: the credit went to a loan ({@code loanId}) or was parked (null, with why). */
public record SettleCredit(IncomingCredit credit, String loanId, String platformId, String why) {}
