package dev.avance.workflows.payment;

import dev.avance.workflows.borrower.Done;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One short workflow per incoming credit (id from the bank's reference, so a credit reported twice
 * is reconciled once): match it to a loan, tell the loan, or park it.
 */
@WorkflowInterface
public interface IncomingCreditWorkflow {

  static String workflowId(String bankReference) {
    return "incoming-credit-" + bankReference;
  }

  @WorkflowMethod
  Done reconcile(IncomingCredit credit);
}
