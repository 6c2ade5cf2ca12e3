package dev.avance.workflows.loan;

import java.time.Instant;

/** Activity input: record a new loan in the read model, idempotently by loan id. */
public record RegisterLoan(RequestLoan request, String remittanceReference, Instant at) {}
