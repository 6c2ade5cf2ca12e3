package dev.avance.activities.billing;

import dev.avance.workflows.billing.BillStatus;
import dev.avance.workflows.billing.PayerType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A bill as the read model holds it, with its direct debit's state when it has one, and the virtual
 * IBAN of a borrower payer (where a transfer pays the bill).
 */
public record BillRow(
    String id,
    String platformId,
    YearMonth period,
    PayerType payerType,
    String payerId,
    String borrowerId,
    BillStatus status,
    long totalCents,
    int linesCount,
    LocalDate billDate,
    LocalDate dueDate,
    String paymentId,
    String paymentStatus,
    String paymentFailureReason,
    LocalDate collectionDate,
    String payerVirtualIban,
    Instant paidAt,
    Instant createdAt,
    Instant updatedAt) {}
