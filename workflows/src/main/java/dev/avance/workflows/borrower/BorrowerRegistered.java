package dev.avance.workflows.borrower;

import java.time.Instant;

/** Activity output: the borrower as recorded. */
public record BorrowerRegistered(String borrowerId, BorrowerStatus status, Instant createdAt) {}
