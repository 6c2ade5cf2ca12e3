package dev.avance.api.loan;

import dev.avance.workflows.payment.PaymentType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** A payout, direct debit or incoming transfer of a loan, sent or planned. */
public record PaymentResponse(
    String id,
    String loanId,
    @Schema(implementation = PaymentType.class) String paymentType,
    @Schema(description = "In euro cents.") long amount,
    @Schema(example = "EUR") String currency,
    @Schema(
            implementation = PaymentState.class,
            description =
                "SCHEDULED: planned, not yet sent to the bank (the payout before its day, the"
                    + " direct debit before its instruction day); then INSTRUCTED, PAID, FAILED,"
                    + " RETURNED or CANCELED.")
        String status,
    @Schema(description = "Why it FAILED or was RETURNED (an R-code for a debit).")
        String failureReason,
    @Schema(description = "The execution day.") LocalDate scheduledAt,
    @Schema(description = "When it was sent to the bank.") Instant instructedAt,
    @Schema(description = "When the money moved.") Instant paidAt,
    @Schema(
            description =
                "The day it is (or was) sent to the bank (Europe/Paris); null when unknown.")
        LocalDate instructionDate,
    @Schema(
            description =
                "A direct debit's collection day (TARGET business day); null for other payments.")
        LocalDate collectionDate) {}
