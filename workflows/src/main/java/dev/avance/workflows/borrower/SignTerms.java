package dev.avance.workflows.borrower;

import java.time.Instant;

/** Update input: the borrower accepted the terms and conditions at {@code signedAt}. */
public record SignTerms(String requestId, Instant signedAt, boolean waitForReady) {}
