package dev.avance.workflows.borrower;

/**
 * Update input: answer once the borrower is recorded (or refused as a duplicate); with {@code
 * waitForReady}, once eligibility is decided and, if signed, the credit line is open.
 */
public record AwaitRegistration(String requestId, boolean waitForReady) {}
