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
 * @param delinquencyStage the loan's delinquency stage; null from loans started before the stages
 *     existed, which leave the stored one as it is
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
    Boolean repaidLate,
    DelinquencyStage delinquencyStage) {

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
      Instant at,
      Boolean repaidLate) {
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
        repaidLate,
        null);
  }

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
        null,
        null);
  }
}
