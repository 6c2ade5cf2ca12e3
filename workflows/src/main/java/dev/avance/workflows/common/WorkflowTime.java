package dev.avance.workflows.common;

import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Time as workflows may read it: from the workflow's own clock, which replays identically, in the
 * time zone the product's calendar days are counted in. Shared by the loan, billing and borrower
 * workflows so that they agree on what "today" is.
 */
public final class WorkflowTime {
  /** Calendar days (interest, due dates, billing periods) are Paris days. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private WorkflowTime() {}

  public static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(now(), PARIS);
  }

  /** The time left until {@code instant}, zero once it has passed (a timer cannot be negative). */
  public static Duration until(Instant instant) {
    Duration d = Duration.between(now(), instant);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** The start of a Paris day, as timers and search attributes need it. */
  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(PARIS).toInstant();
  }

  /**
   * Awaits the condition or a timer with this summary; true when the condition came first, and the
   * timer is then canceled so that it costs no task when it would have fired.
   */
  public static boolean awaitWithTimer(
      Duration timeout, String summary, Supplier<Boolean> condition) {
    @SuppressWarnings("unchecked")
    Promise<Void>[] timer = new Promise[1];
    CancellationScope scope =
        Workflow.newCancellationScope(
            () ->
                timer[0] =
                    Workflow.newTimer(
                        timeout, TimerOptions.newBuilder().setSummary(summary).build()));
    scope.run();
    Workflow.await(() -> timer[0].isCompleted() || condition.get());
    if (condition.get()) {
      scope.cancel();
      try {
        timer[0].get();
      } catch (CanceledFailure expected) {
        // Canceled because the condition came first.
      }
      return true;
    }
    return false;
  }
}
