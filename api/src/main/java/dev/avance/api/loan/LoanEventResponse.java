package dev.avance.api.loan;

import java.time.Instant;

/** One entry of a loan's history. */
public record LoanEventResponse(long id, String eventType, Instant occurredAt) {}
