package dev.avance.workflows.billing;

import dev.avance.workflows.payment.PaymentStatus;
import java.time.Instant;

/** The bank's outcome of a bill's debit. */
public record BillPayment(
    String billId, String paymentId, PaymentStatus status, Instant paidAt, String failureReason) {}
