package dev.avance.activities.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A page request on a platform's loans with the filters of GET /loans. */
public record LoanQuery(
    String platformId,
    List<String> statuses,
    String borrowerId,
    Boolean late,
    LocalDate toRepayAtFrom,
    LocalDate toRepayAtTo,
    LocalDate toPayAtFrom,
    LocalDate toPayAtTo,
    boolean ascending,
    Instant afterCreatedAt,
    String afterId,
    int limit) {}
