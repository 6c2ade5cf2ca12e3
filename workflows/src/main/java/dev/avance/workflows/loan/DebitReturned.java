package dev.avance.workflows.loan;

import java.time.Instant;

/**
 * Signal from the bank's files: a direct debit of this loan that had settled came back (returned by
 * the debtor's bank, or refunded to the debtor), with its R-code.
 */
public record DebitReturned(String paymentId, String reasonCode, Instant returnedAt) {}
