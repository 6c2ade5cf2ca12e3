package dev.avance.api.ops;

import jakarta.validation.constraints.NotNull;

/** POST /ops/billing-runs: the month to bill, as YYYY-MM. */
public record BillingRunRequest(@NotNull String period) {}
