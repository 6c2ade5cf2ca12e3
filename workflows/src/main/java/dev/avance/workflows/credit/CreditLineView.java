package dev.avance.workflows.credit;

import java.math.BigDecimal;
import java.time.Instant;

/** A credit line with its balances in euro cents; available = max - outstanding - pending. */
public record CreditLineView(
    String borrowerId,
    String platformId,
    long maxAmountCents,
    long availableAmountCents,
    long outstandingAmountCents,
    long pendingAmountCents,
    BigDecimal feesDailyRatePercent,
    CreditLineStatus status,
    String statusReason,
    Instant expiresAt,
    Instant updatedAt) {}
