package dev.avance.workflows.billing;

import java.time.YearMonth;

/**
 * The outcome of a billing run. {@code note} says why a scheduled run billed nothing itself (the
 * period's run had already been started), null otherwise.
 */
public record BillingResult(YearMonth period, BillingTotals totals, String note) {}
