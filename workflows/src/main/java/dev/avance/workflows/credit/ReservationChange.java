package dev.avance.workflows.credit;

import java.time.Instant;

/**
 * Activity input for confirm (payout settled), release (loan canceled, declined or failed) and
 * repay (principal received: {@code amountCents} of it; 0 means nothing for confirm/release).
 */
public record ReservationChange(String loanId, long amountCents, String reason, Instant at) {}
