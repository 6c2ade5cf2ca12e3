package dev.avance.workflows.payment;

import dev.avance.workflows.common.ActivityPolicies;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.loan.LoanWorkflow;
import dev.avance.workflows.loan.TransferReceived;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class CreditAssignmentWorkflowImpl implements CreditAssignmentWorkflow {
  private final IncomingCreditActivities activities =
      Workflow.newActivityStub(
          IncomingCreditActivities.class,
          ActivityPolicies.persistent(Duration.ofSeconds(30), "Assign the parked credit"));

  @Override
  public CreditAssignment assign(AssignCredit request) {
    ClaimedCredit claimed = activities.claim(request);
    IncomingCredit credit = claimed.credit();
    try {
      // The loan applies a transfer once per bank reference, whoever tells it.
      Workflow.newExternalWorkflowStub(
              LoanWorkflow.class, LoanWorkflow.workflowId(request.loanId()))
          .transferReceived(
              new TransferReceived(
                  credit.bankReference(), credit.amountCents(), credit.receivedAt()));
    } catch (SignalExternalWorkflowException | ApplicationFailure loanEnded) {
      throw ApplicationFailure.newNonRetryableFailure(
          "loan " + request.loanId() + " has ended; the credit stays parked",
          FailureType.LOAN_NOT_OPEN.type());
    }
    activities.settle(new SettleCredit(credit, request.loanId(), claimed.platformId(), null));
    return new CreditAssignment(credit.bankReference(), request.loanId(), credit.amountCents());
  }
}
