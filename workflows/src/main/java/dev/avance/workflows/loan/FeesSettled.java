package dev.avance.workflows.loan;

import java.time.Instant;

/**
 * Signal input: billing found the loan's interest all billed and every bill of it paid, so the loan
 * can close. {@code billId} is the bill whose payment settled it, for the events.
 */
public record FeesSettled(String billId, Instant at) {}
