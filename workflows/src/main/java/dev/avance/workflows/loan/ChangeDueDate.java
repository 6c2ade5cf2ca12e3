package dev.avance.workflows.loan;

import java.time.LocalDate;

/** Update input: move the repayment date. */
public record ChangeDueDate(String requestId, LocalDate toRepayAt) {}
