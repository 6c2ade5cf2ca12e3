package dev.avance.workflows.billing;

import java.time.Instant;
import java.time.YearMonth;

/** Activity input: issue the next page of the period's bills, after {@code afterBillId}. */
public record IssueBills(YearMonth period, String afterBillId, int limit, Instant at) {}
