package dev.avance.workflows.borrower;

/** Update input: more data that can raise the credit line; null means not provided. */
public record SubmitFinancialData(
    String requestId,
    Long annualRevenueCents,
    Integer salesHistoryMonths,
    Boolean accountingDataProvided) {}
