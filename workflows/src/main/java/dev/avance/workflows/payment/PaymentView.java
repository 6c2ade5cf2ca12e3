package dev.avance.workflows.payment;

import java.time.Instant;
import java.time.LocalDate;

/** A payment as the read model and the bank know it. */
public record PaymentView(
    String paymentId,
    String loanId,
    PaymentType type,
    long amountCents,
    PaymentStatus status,
    String failureReason,
    LocalDate executionDate,
    Instant instructedAt,
    Instant paidAt) {}
