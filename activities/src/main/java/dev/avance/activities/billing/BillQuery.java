package dev.avance.activities.billing;

import dev.avance.workflows.billing.BillStatus;
import dev.avance.workflows.billing.PayerType;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** A page request on a platform's bills with the filters of GET /bills. */
public record BillQuery(
    String platformId,
    YearMonth period,
    PayerType payerType,
    String payerId,
    List<BillStatus> statuses,
    boolean ascending,
    Instant afterCreatedAt,
    String afterId,
    int limit) {}
