package dev.avance.workflows.loan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Activity input: write the loan's current state to the read model with one event ({@code
 * eventType}, e.g. {@code loan.TO_REPAY} or {@code loan.DUNNING_D4}), once per {@code eventKey}.
 */
public record LoanStatusChange(
    String loanId,
    String platformId,
    LoanStatus status,
    String denialReason,
    long outstandingPrincipalCents,
    LocalDate toRepayAt,
    Instant paidAt,
    boolean late,
    boolean postponed,
    String repaymentMethod,
    String eventType,
    String eventKey,
    Instant at) {}
