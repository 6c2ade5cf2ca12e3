package dev.avance.workflows.loan;

/** Update input of validate and cancel: who asked, for the events. */
public record LoanCommand(String requestId, String reason) {}
