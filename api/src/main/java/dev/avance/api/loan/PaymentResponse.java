package dev.avance.api.loan;

import java.time.Instant;
import java.time.LocalDate;

/** A payout, direct debit or incoming transfer of a loan. */
public record PaymentResponse(
    String id,
    String loanId,
    String paymentType,
    long amount,
    String currency,
    String status,
    String failureReason,
    LocalDate scheduledAt,
    Instant instructedAt,
    Instant paidAt) {}
