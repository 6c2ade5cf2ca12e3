package dev.avance.workflows.loan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Activity input: write the loan's current state to the read model with one event ({@code
 * eventType}, e.g. {@code loan.TO_REPAY} or {@code loan.DUNNING_D4}), once per {@code eventKey}.
 *
 * @param repaidLate whether the loan was ever late before its principal was repaid, what scoring
 *     judges it by (an SDD loan collected the business day after a weekend due date was not); null
 *     from loans started before the workflow told it, which are judged by their repayment day
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
    Instant at,
    Boolean repaidLate) {

  public LoanStatusChange(
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
      Instant at) {
    this(
        loanId,
        platformId,
        status,
        denialReason,
        outstandingPrincipalCents,
        toRepayAt,
        paidAt,
        late,
        postponed,
        repaymentMethod,
        eventType,
        eventKey,
        at,
        null);
  }
}
