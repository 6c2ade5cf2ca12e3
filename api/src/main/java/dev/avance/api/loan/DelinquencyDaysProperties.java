package dev.avance.api.loan;

import dev.avance.workflows.loan.DelinquencyDays;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code avance.loan.delinquency-days.*}: the days past due each collections stage starts at,
 * passed to every new loan in its policy (a loan keeps the days it started with).
 */
@ConfigurationProperties("avance.loan.delinquency-days")
public record DelinquencyDaysProperties(
    @DefaultValue("1") int late,
    @DefaultValue("4") int reportedOverdue,
    @DefaultValue("15") int collections,
    @DefaultValue("60") int defaulted) {

  public DelinquencyDaysProperties {
    // Checked at binding: a node whose stages are out of order fails at startup, not on a loan.
    days(late, reportedOverdue, collections, defaulted);
  }

  /** The stages' days as the workflow reads them. */
  public DelinquencyDays days() {
    return days(late, reportedOverdue, collections, defaulted);
  }

  private static DelinquencyDays days(int late, int overdue, int collections, int defaulted) {
    return new DelinquencyDays(late, overdue, collections, defaulted);
  }
}
