package dev.avance.workflows.billing;

/** How many loans went from TO_REPAY_FEES to CLOSED. */
public record LoansClosed(int loans) {}
