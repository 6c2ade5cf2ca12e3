package dev.avance.workflows.borrower;

import java.time.Instant;

/** Activity input: record a new borrower in the read model, idempotently by borrower id. */
public record RegisterBorrower(OnboardBorrower borrower, BorrowerStatus status, Instant at) {}
