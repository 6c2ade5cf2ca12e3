package dev.avance.api.loan;

import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** A payout, direct debit or incoming transfer of a loan. */
public record PaymentResponse(
    String id,
    String loanId,
    @Schema(implementation = PaymentType.class) String paymentType,
    @Schema(description = "In euro cents.") long amount,
    @Schema(example = "EUR") String currency,
    @Schema(implementation = PaymentStatus.class) String status,
    @Schema(description = "Why it FAILED or was RETURNED (an R-code for a debit).")
        String failureReason,
    @Schema(description = "The execution day.") LocalDate scheduledAt,
    @Schema(description = "When it was sent to the bank.") Instant instructedAt,
    @Schema(description = "When the money moved.") Instant paidAt) {}
