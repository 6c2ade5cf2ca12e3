package dev.avance.workflows.payment;

import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.common.ActivityPolicies;
import dev.avance.workflows.loan.LoanWorkflow;
import dev.avance.workflows.loan.TransferReceived;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class IncomingCreditWorkflowImpl implements IncomingCreditWorkflow {
  /** A credit that quotes a bill's reference pays the bill. */
  static final String PAY_BILLS = "pay-bills";

  private final IncomingCreditActivities activities =
      Workflow.newActivityStub(
          IncomingCreditActivities.class,
          ActivityPolicies.persistent(Duration.ofSeconds(30), "Reconcile the transfer"));

  @Override
  public Done reconcile(IncomingCredit credit) {
    CreditMatch match = activities.match(credit);
    if (Workflow.getVersion(PAY_BILLS, Workflow.DEFAULT_VERSION, 1) == 1
        && match.billId() != null) {
      return activities.payBill(new PayBill(credit, match.billId(), match.platformId()));
    }
    if (match.loanId() == null) {
      return activities.settle(new SettleCredit(credit, null, null, "NO_MATCHING_REFERENCE"));
    }
    try {
      Workflow.newExternalWorkflowStub(LoanWorkflow.class, LoanWorkflow.workflowId(match.loanId()))
          .transferReceived(
              new TransferReceived(
                  credit.bankReference(), credit.amountCents(), credit.receivedAt()));
    } catch (SignalExternalWorkflowException | ApplicationFailure e) {
      // The loan's workflow has ended (repaid, canceled): money is parked, never dropped.
      return activities.settle(
          new SettleCredit(credit, null, match.platformId(), "LOAN_NOT_OPEN " + match.loanId()));
    }
    return activities.settle(new SettleCredit(credit, match.loanId(), match.platformId(), null));
  }
}
