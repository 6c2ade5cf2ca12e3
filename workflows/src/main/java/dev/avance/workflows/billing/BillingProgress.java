package dev.avance.workflows.billing;

import java.time.YearMonth;

/** A billing run's live state, for the query and the UI. */
public record BillingProgress(
    YearMonth period, BillingPhase phase, String cursor, BillingTotals totals) {}
