package dev.avance.workflows.borrower;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One workflow per borrower, from onboarding to deactivation. */
@WorkflowInterface
public interface BorrowerWorkflow {

  static String workflowId(String borrowerId) {
    return "borrower-" + borrowerId;
  }

  @WorkflowMethod
  OnboardingResult run(OnboardBorrower input);

  /** Returns once the borrower is recorded; fails with DUPLICATE_IDENTIFIER otherwise. */
  @UpdateMethod
  BorrowerState awaitRegistration(AwaitRegistration request);

  @UpdateValidatorMethod(updateName = "awaitRegistration")
  void validateAwaitRegistration(AwaitRegistration request);

  @QueryMethod
  BorrowerState state();
}
