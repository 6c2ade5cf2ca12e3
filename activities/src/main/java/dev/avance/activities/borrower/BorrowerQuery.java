package dev.avance.activities.borrower;

import java.time.Instant;

/**
 * A page request on a platform's borrowers, ordered by (created_at, id); the cursor fields name the
 * last row of the previous page.
 */
public record BorrowerQuery(
    String platformId,
    String status,
    String identifier,
    boolean ascending,
    Instant afterCreatedAt,
    String afterId,
    int limit) {}
