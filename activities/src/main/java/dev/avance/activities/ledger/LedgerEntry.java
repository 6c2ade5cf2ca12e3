package dev.avance.activities.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A journal entry: one money fact, named by its business key, with lines that add up to zero.
 *
 * @param loanId the loan it concerns (listed by GET /loan/{id}/ledger), or null
 * @param platformId the loan's platform (the tenancy of that list), or null
 */
public record LedgerEntry(
    String key,
    EntryKind kind,
    String loanId,
    String platformId,
    Instant occurredAt,
    List<LedgerLine> lines) {}
