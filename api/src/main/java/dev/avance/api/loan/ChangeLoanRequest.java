package dev.avance.api.loan;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** PATCH /loan/{id}: a new repayment date. */
public record ChangeLoanRequest(@NotNull LocalDate toRepayAt) {}
