package dev.avance.workflows.loan;

import java.time.Instant;

/**
 * Signal input: an operator wrote the loan off in the books (its write-off committed at {@code
 * at}). The loan stops chasing the borrower and only takes in what is recovered.
 */
public record WrittenOff(Instant at) {}
