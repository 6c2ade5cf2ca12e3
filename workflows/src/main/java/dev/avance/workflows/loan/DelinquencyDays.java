package dev.avance.workflows.loan;

/**
 * Days past the due date each delinquency stage starts at: a stage starts at 00:00 (Paris) on that
 * day, LATE at D+1 being the moment the loan goes late. Each must come after the one before.
 */
public record DelinquencyDays(int late, int overdue, int collections, int defaulted) {
  public static final DelinquencyDays DEFAULT =
      new DelinquencyDays(
          DelinquencyStage.LATE.defaultDays(),
          DelinquencyStage.OVERDUE.defaultDays(),
          DelinquencyStage.COLLECTIONS.defaultDays(),
          DelinquencyStage.DEFAULTED.defaultDays());

  public DelinquencyDays {
    if (late < 1 || overdue <= late || collections <= overdue || defaulted <= collections) {
      throw new IllegalArgumentException(
          "delinquency days must increase from 1: "
              + late
              + ", "
              + overdue
              + ", "
              + collections
              + ", "
              + defaulted);
    }
  }

  /** The days past due {@code stage} starts at; 0 for CURRENT. */
  public int of(DelinquencyStage stage) {
    switch (stage) {
      case LATE:
        return late;
      case OVERDUE:
        return overdue;
      case COLLECTIONS:
        return collections;
      case DEFAULTED:
        return defaulted;
      default:
        return 0;
    }
  }
}
