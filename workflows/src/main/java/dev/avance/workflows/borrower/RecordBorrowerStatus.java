package dev.avance.workflows.borrower;

import java.time.Instant;

/**
 * Activity input: write a status change to the read model with its domain event, once per {@code
 * eventKey} (borrower id and the workflow's event sequence).
 */
public record RecordBorrowerStatus(
    String borrowerId,
    String platformId,
    BorrowerStatus status,
    String statusReason,
    Instant signedAt,
    CompanyProfile profile,
    String eventKey,
    Instant at) {}
