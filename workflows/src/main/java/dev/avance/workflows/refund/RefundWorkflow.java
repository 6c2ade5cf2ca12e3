package dev.avance.workflows.refund;

import dev.avance.workflows.common.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Pays parked or overpaid money back to the account it came from, with an outgoing SEPA credit
 * transfer (pain.001). One per credit, ever: its id is the credit's, and a finished refund is never
 * started again, so the same money cannot be paid back twice.
 */
@WorkflowInterface
public interface RefundWorkflow {

  static String workflowId(String bankReference) {
    return "refund-" + bankReference;
  }

  /** The payment's business id (its EndToEndId derives from it). */
  static String paymentId(String bankReference) {
    return "refund:" + bankReference;
  }

  static WorkflowOptions startOptions(RefundRequest request) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.LOANS)
        .setWorkflowId(workflowId(request.bankReference()))
        // A refund refused before its payment was sent (nothing to refund yet) may be asked again.
        .setWorkflowIdReusePolicy(
            WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
        .setStaticSummary("Refund of credit " + request.bankReference())
        .build();
  }

  @WorkflowMethod
  RefundOutcome refund(RefundRequest request);
}
