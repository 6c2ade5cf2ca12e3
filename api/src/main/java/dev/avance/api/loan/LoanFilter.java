package dev.avance.api.loan;

import dev.avance.workflows.loan.LoanStatus;
import java.time.LocalDate;
import java.util.List;

/** The filters of GET /loans. */
public record LoanFilter(
    List<LoanStatus> statuses,
    String borrowerId,
    Boolean late,
    LocalDate toRepayAtFrom,
    LocalDate toRepayAtTo,
    LocalDate toPayAtFrom,
    LocalDate toPayAtTo) {}
