package dev.avance.workflows.borrower;

import dev.avance.workflows.common.AvanceSearchAttributes;
import dev.avance.workflows.common.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One workflow per borrower: eligibility, T&Cs, repayment methods and the credit line. */
@WorkflowInterface
public interface BorrowerWorkflow {

  static String workflowId(String borrowerId) {
    return "borrower-" + borrowerId;
  }

  /**
   * How a borrower's workflow is started: its id, queue, search attributes and UI summary. The
   * conflict policy lets update-with-start join a run that a retried request already started.
   */
  static WorkflowOptions startOptions(OnboardBorrower input) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.BORROWERS)
        .setWorkflowId(workflowId(input.borrowerId()))
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(AvanceSearchAttributes.PLATFORM_ID, input.platformId())
                .set(AvanceSearchAttributes.BORROWER_ID, input.borrowerId())
                .set(AvanceSearchAttributes.BORROWER_STATUS, BorrowerStatus.SUBMITTED.name())
                .build())
        .setStaticSummary(
            "Borrower " + input.country() + " " + input.identifierType() + " " + input.identifier())
        .build();
  }

  @WorkflowMethod
  OnboardingResult run(OnboardBorrower input);

  /** Returns once the borrower is recorded; fails with DUPLICATE_IDENTIFIER otherwise. */
  @UpdateMethod
  BorrowerState awaitRegistration(AwaitRegistration request);

  @UpdateValidatorMethod(updateName = "awaitRegistration")
  void validateAwaitRegistration(AwaitRegistration request);

  /** T&Cs accepted; idempotent once signed. */
  @UpdateMethod
  BorrowerState sign(SignTerms request);

  @UpdateValidatorMethod(updateName = "sign")
  void validateSign(SignTerms request);

  @UpdateMethod
  RepaymentMethodView addRepaymentMethod(AddRepaymentMethod request);

  @UpdateValidatorMethod(updateName = "addRepaymentMethod")
  void validateAddRepaymentMethod(AddRepaymentMethod request);

  /** Stores the data and rescores the credit line; returns the state after rescoring. */
  @UpdateMethod
  BorrowerState submitFinancialData(SubmitFinancialData request);

  @UpdateValidatorMethod(updateName = "submitFinancialData")
  void validateSubmitFinancialData(SubmitFinancialData request);

  /** A fact from a loan: its lateness blocks the credit line until it is repaid. */
  @SignalMethod
  void loanLateness(LoanLateness lateness);

  @QueryMethod
  BorrowerState state();
}
