package dev.avance.workflows.borrower;

/** Update input: answer once the borrower is recorded (or refused as a duplicate). */
public record AwaitRegistration(String requestId) {}
