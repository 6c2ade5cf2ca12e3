package dev.avance.api.loan;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** PATCH /loan/{id}: a new repayment date. */
public record ChangeLoanRequest(
    @Schema(description = "The new repayment day, at most 120 days after the payout day.") @NotNull
        LocalDate toRepayAt) {}
