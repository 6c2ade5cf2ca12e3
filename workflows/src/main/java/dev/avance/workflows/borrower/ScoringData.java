package dev.avance.workflows.borrower;

/** Activity output: what the read model knows that scoring uses, beyond the registry. */
public record ScoringData(
    Long declaredAnnualRevenueCents,
    int salesHistoryMonths,
    boolean accountingDataProvided,
    int onTimeRepayments,
    int lateRepayments,
    boolean currentlyLate) {}
