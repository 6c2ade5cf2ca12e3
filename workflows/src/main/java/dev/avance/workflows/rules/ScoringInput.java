package dev.avance.workflows.rules;

import java.time.LocalDate;

/**
 * What {@link CreditScoring} weighs: the registry's revenue and creation date, the borrower's
 * history on Avance, the data it shared, and the credit line's cap (all amounts in euro cents).
 */
public record ScoringInput(
    long annualRevenueCents,
    LocalDate createdOn,
    LocalDate today,
    int onTimeRepayments,
    int lateRepayments,
    boolean currentlyLate,
    boolean salesHistoryProvided,
    boolean accountingDataProvided,
    long lineCapCents) {}
