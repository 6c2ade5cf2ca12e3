package dev.avance.workflows.payment;

import dev.avance.workflows.common.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * An operator gives a parked credit to a loan: one workflow per credit at a time, so two operators
 * can never give the same money to two loans. A refused assignment fails, and may be tried again
 * with another loan; a done one cannot be repeated.
 */
@WorkflowInterface
public interface CreditAssignmentWorkflow {

  static String workflowId(String bankReference) {
    return "credit-assignment-" + bankReference;
  }

  static WorkflowOptions startOptions(AssignCredit request) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.LOANS)
        .setWorkflowId(workflowId(request.bankReference()))
        .setWorkflowIdReusePolicy(
            WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
        .setStaticSummary(
            "Parked credit " + request.bankReference() + " to loan " + request.loanId())
        .build();
  }

  @WorkflowMethod
  CreditAssignment assign(AssignCredit request);
}
