package dev.avance.workflows.billing;

import dev.avance.workflows.common.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.YearMonth;

/**
 * One run per billing period ({@code billing-YYYY-MM}): the interest of the month on every loan,
 * one bill per payer, borrowers' bills collected by direct debit. Started on the 1st of each month
 * by the {@value #SCHEDULE_ID} schedule, or by an operator.
 */
@WorkflowInterface
public interface BillingWorkflow {

  /** The Temporal Schedule that starts a run at 06:00 Europe/Paris on the 1st of each month. */
  String SCHEDULE_ID = "billing-monthly";

  /**
   * The workflow id of the schedule's action. Temporal appends the scheduled time to it; that run
   * only works out its period and starts the period's own run, {@link #workflowId}.
   */
  String SCHEDULED_WORKFLOW_ID = "billing-scheduled";

  static String workflowId(YearMonth period) {
    return "billing-" + period;
  }

  /**
   * How a period's run is started. A period is billed by one run: a second start while it runs
   * joins it, a start after it completed is refused (the caller reads the bills); only a failed run
   * may be started again, and it resumes where the failed one stopped since its activities are
   * idempotent.
   */
  static WorkflowOptions startOptions(YearMonth period) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.BILLING)
        .setWorkflowId(workflowId(period))
        .setWorkflowIdReusePolicy(
            WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setStaticSummary(summary(period))
        .build();
  }

  static String summary(YearMonth period) {
    return "Interest bills of " + period;
  }

  @WorkflowMethod
  BillingResult run(BillingRun input);

  @QueryMethod
  BillingProgress progress();
}
