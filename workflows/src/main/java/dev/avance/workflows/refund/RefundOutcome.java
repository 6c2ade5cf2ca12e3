package dev.avance.workflows.refund;

import dev.avance.workflows.payment.PaymentStatus;
import java.time.Instant;

/** Activity input and workflow result: how the refund ended at the bank. */
public record RefundOutcome(
    String bankReference,
    String paymentId,
    long amountCents,
    PaymentStatus status,
    String failureReason,
    Instant at) {}
