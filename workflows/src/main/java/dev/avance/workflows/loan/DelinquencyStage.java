package dev.avance.workflows.loan;

/**
 * Where a loan is in collections: CURRENT until it is late, then a stage at each configured number
 * of days past its due date. Only the repayment of the whole principal brings it back to CURRENT.
 */
public enum DelinquencyStage {
  CURRENT(0, LoanEvent.DELINQUENCY_CURRENT),
  /** Past the due date, reminded. */
  LATE(1, LoanEvent.DELINQUENCY_LATE),
  /** Reported overdue. */
  OVERDUE(4, LoanEvent.DELINQUENCY_OVERDUE),
  /** Handed to collections. */
  COLLECTIONS(15, LoanEvent.DELINQUENCY_COLLECTIONS),
  /** Defaulted: the last stage, no timer after it. */
  DEFAULTED(60, LoanEvent.DELINQUENCY_DEFAULTED);

  private final int defaultDays;
  private final LoanEvent event;

  DelinquencyStage(int defaultDays, LoanEvent event) {
    this.defaultDays = defaultDays;
    this.event = event;
  }

  /** Days past the due date the stage starts, unless configured otherwise. */
  public int defaultDays() {
    return defaultDays;
  }

  /** The event the loan enters the stage with. */
  public LoanEvent event() {
    return event;
  }
}
