package dev.avance.activities.bank;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a transfer stands at the bank now.
 *
 * @param reason the rejection reason of a REJECTED payout, or the SEPA R-code (e.g. {@code AM04})
 *     of a RETURNED direct debit; null otherwise
 * @param settlesOn the business day on which it settles (or settled)
 * @param settledAt when the money moved; null until SETTLED (kept when a settled debit is RETURNED
 *     later)
 */
public record BankOutcome(
    String paymentId,
    BankTransferStatus status,
    String reason,
    LocalDate settlesOn,
    Instant settledAt) {}
