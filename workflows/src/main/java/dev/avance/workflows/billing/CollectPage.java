package dev.avance.workflows.billing;

import java.time.YearMonth;

/** Activity input: the next page of the period's debited bills awaiting their outcome. */
public record CollectPage(YearMonth period, String afterBillId, int limit) {}
