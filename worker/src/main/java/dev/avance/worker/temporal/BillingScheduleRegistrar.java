package dev.avance.worker.temporal;

import dev.avance.workflows.billing.BillingRun;
import dev.avance.workflows.billing.BillingWorkflow;
import dev.avance.workflows.common.TaskQueues;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleCalendarSpec;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleRange;
import io.temporal.client.schedules.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Creates the {@value BillingWorkflow#SCHEDULE_ID} Temporal Schedule when a worker starts: at 06:00
 * Europe/Paris on the 1st of each month it starts a billing run of the previous month. Every worker
 * node tries; the first one creates it, the others find it there, which is success. An existing
 * schedule is left as it is, so that what operators change in the UI (a pause, a note) survives
 * restarts; to change its definition, delete it and restart a worker.
 */
@Component
@ConditionalOnProperty(name = "avance.worker.enabled", havingValue = "true", matchIfMissing = true)
@DependsOn("searchAttributeRegistrar")
public class BillingScheduleRegistrar implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(BillingScheduleRegistrar.class);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final ScheduleClient schedules;
  private final boolean enabled;

  public BillingScheduleRegistrar(
      ScheduleClient schedules, @Value("${avance.billing.schedule.enabled:true}") boolean enabled) {
    this.schedules = schedules;
    this.enabled = enabled;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (enabled) {
      register();
    }
  }

  /** The schedule: monthly, skipping a run while the previous one is still going. */
  public static Schedule schedule() {
    return Schedule.newBuilder()
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(BillingWorkflow.class)
                // A scheduled action has fixed arguments: no period, the run bills the month
                // before the one it starts in.
                .setArguments(BillingRun.of(null, null))
                .setOptions(
                    WorkflowOptions.newBuilder()
                        .setWorkflowId(BillingWorkflow.SCHEDULED_WORKFLOW_ID)
                        .setTaskQueue(TaskQueues.BILLING)
                        .setStaticSummary("Monthly interest bills of the previous month")
                        // Also needed to read the schedule back: the SDK 1.38 decodes the details
                        // of a summary's metadata whether they were set or not.
                        .setStaticDetails(
                            "Starts billing-YYYY-MM for the previous month: one bill per payer"
                                + " with one line per loan; borrowers' bills are debited.")
                        .build())
                .build())
        .setSpec(
            ScheduleSpec.newBuilder()
                .setCalendars(
                    List.of(
                        ScheduleCalendarSpec.newBuilder()
                            .setSeconds(List.of(new ScheduleRange(0)))
                            .setMinutes(List.of(new ScheduleRange(0)))
                            .setHour(List.of(new ScheduleRange(6)))
                            .setDayOfMonth(List.of(new ScheduleRange(1)))
                            .setComment("1st of the month, 06:00 Europe/Paris")
                            .build()))
                .setTimeZoneName("Europe/Paris")
                .build())
        .setPolicy(
            SchedulePolicy.newBuilder()
                .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                // A 1st missed while the Temporal service was down is still run when it is
                // back within the month.
                .setCatchupWindow(Duration.ofDays(27))
                .build())
        .build();
  }

  /** Creates the schedule unless it exists; true if this call created it. */
  public boolean register() {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      try {
        schedules.createSchedule(
            BillingWorkflow.SCHEDULE_ID, schedule(), ScheduleOptions.newBuilder().build());
        log.info("Created the Temporal Schedule {}", BillingWorkflow.SCHEDULE_ID);
        return true;
      } catch (ScheduleAlreadyRunningException exists) {
        log.debug("The Temporal Schedule {} exists", BillingWorkflow.SCHEDULE_ID);
        return false;
      } catch (RuntimeException e) {
        StatusRuntimeException status = statusOf(e);
        if (status != null && status.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
          return false;
        }
        boolean transientFailure =
            status != null
                && (status.getStatus().getCode() == Status.Code.UNAVAILABLE
                    || status.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED);
        if (!transientFailure || Instant.now().isAfter(deadline)) {
          throw e;
        }
        log.info("Temporal not ready to create the billing schedule yet ({})", status.getStatus());
        try {
          Thread.sleep(500);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static StatusRuntimeException statusOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s) {
        return s;
      }
    }
    return null;
  }
}
