package dev.avance.workflows.loan;

/**
 * Update input sent with the start: answers at once, or with {@code waitForDecision} once the loan
 * is decided (TO_VALIDATE, VALIDATED or later, or DECLINED). Refused by the validator when {@code
 * requestHash} differs from the loan's: the salt id was reused for another request.
 */
public record AwaitDecision(String requestHash, boolean waitForDecision) {}
