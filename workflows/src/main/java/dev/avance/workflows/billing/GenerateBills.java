package dev.avance.workflows.billing;

import java.time.Instant;
import java.time.YearMonth;

/**
 * Activity input: compute every loan's interest for {@code period} in bulk and write one bill per
 * payer with one line per loan, once per (payer, period). {@code at} is the run's time: its Paris
 * date is the bill date and bounds a period still in progress (days not yet over are billed later).
 */
public record GenerateBills(YearMonth period, Instant at, int collectionLeadBusinessDays) {}
