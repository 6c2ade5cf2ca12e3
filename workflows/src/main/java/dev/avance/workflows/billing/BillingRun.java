package dev.avance.workflows.billing;

import java.time.YearMonth;

/**
 * Input of a billing run. {@code period} null means "the month before the one the run starts in"
 * (what the monthly schedule passes, since a scheduled action has fixed arguments); the run then
 * starts the period's own run ({@code billing-YYYY-MM}) as a child. The other fields are where a
 * run that continued as new resumes: null or zero on a fresh start.
 */
public record BillingRun(
    YearMonth period,
    BillingPhase phase,
    String cursor,
    BillingTotals totals,
    BillingPolicy policy) {

  /** A fresh run of {@code period} (null: the previous month, for the schedule). */
  public static BillingRun of(YearMonth period, BillingPolicy policy) {
    return new BillingRun(period, BillingPhase.GENERATE, null, BillingTotals.ZERO, policy);
  }
}
