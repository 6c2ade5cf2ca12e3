package dev.avance.workflows.credit;

import java.time.Instant;

/**
 * Activity input: create the borrower's credit line or rescore it (new maximum and expiry, status
 * ACTIVE unless BLOCKED). Idempotent: applying the same command twice changes nothing more.
 */
public record OpenCreditLine(
    String borrowerId, String platformId, long maxAmountCents, Instant expiresAt, Instant at) {}
