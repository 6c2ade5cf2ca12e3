package dev.avance.workflows.common;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** How Avance's workflows call their activities, in one place so that they all agree. */
public final class ActivityPolicies {
  /**
   * The database or the bank may be down for a while: retry without end, a minute apart at most.
   */
  private static final RetryOptions PERSISTENT =
      RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build();

  private ActivityPolicies() {}

  /** A side effect that must happen however long its dependency is down. */
  public static ActivityOptions persistent(Duration startToClose, String summary) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(PERSISTENT)
        .setSummary(summary)
        .build();
  }

  /**
   * Short database writes run as local activities: one history event each instead of a round trip
   * through the task queue. Without a schedule-to-close timeout (or a maximum of attempts) a local
   * activity is not retried at all, so a database restart would fail the workflow.
   */
  public static LocalActivityOptions localWrites() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setScheduleToCloseTimeout(Duration.ofDays(1))
        .setRetryOptions(
            RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(30)).build())
        .build();
  }

  /**
   * Waiting for the bank to settle a payment: the activity fails while the payment is pending, so
   * the checks are retries, which leave no history events.
   */
  public static ActivityOptions settlement(String summary) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setScheduleToCloseTimeout(Duration.ofDays(30))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2)
                .setMaximumInterval(Duration.ofHours(1))
                .build())
        .setSummary(summary)
        .build();
  }
}
