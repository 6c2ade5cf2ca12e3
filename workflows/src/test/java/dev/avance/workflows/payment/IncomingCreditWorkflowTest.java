package dev.avance.workflows.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.loan.LoanWorkflow;
import dev.avance.workflows.loan.RequestLoan;
import dev.avance.workflows.loan.TransferReceived;
import dev.avance.workflows.payment.CreditAssignmentWorkflowTest.WaitingLoan;
import dev.avance.workflows.testing.Histories;
import dev.avance.workflows.testing.TestEnvironments;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncomingCreditWorkflowTest {
  private static final Instant RECEIVED = Instant.parse("2026-12-02T10:00:00Z");

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeReconciliation activities = new FakeReconciliation();

  /** Matches every credit to what the test chose, and keeps what it was asked to do with it. */
  static class FakeReconciliation implements IncomingCreditActivities {
    final List<PayBill> billsPaid = new CopyOnWriteArrayList<>();
    final List<SettleCredit> settled = new CopyOnWriteArrayList<>();
    volatile CreditMatch match = new CreditMatch(null, null);

    @Override
    public CreditMatch match(IncomingCredit credit) {
      return match;
    }

    @Override
    public Done payBill(PayBill command) {
      billsPaid.add(command);
      return new Done(true);
    }

    @Override
    public Done settle(SettleCredit command) {
      settled.add(command);
      return new Done(true);
    }

    @Override
    public ClaimedCredit claim(AssignCredit request) {
      throw new UnsupportedOperationException("only operators' assignments claim");
    }
  }

  @BeforeEach
  void setUp() {
    CreditAssignmentWorkflowTest.signaled.clear();
    env = TestEnvironments.create(RECEIVED);
    Worker worker = env.newWorker(TaskQueues.LOANS);
    worker.registerWorkflowImplementationTypes(IncomingCreditWorkflowImpl.class, WaitingLoan.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private void openLoan(String loanId) {
    LoanWorkflow loan =
        client.newWorkflowStub(
            LoanWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.LOANS)
                .setWorkflowId(LoanWorkflow.workflowId(loanId))
                .build());
    WorkflowClient.start(loan::run, (RequestLoan) null);
  }

  private Done reconcile(IncomingCredit credit) {
    return client
        .newWorkflowStub(
            IncomingCreditWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.LOANS)
                .setWorkflowId(IncomingCreditWorkflow.workflowId(credit.bankReference()))
                .build())
        .reconcile(credit);
  }

  private long externalSignals(String bankReference) {
    return client
        .fetchHistory(IncomingCreditWorkflow.workflowId(bankReference))
        .getEvents()
        .stream()
        .filter(
            e ->
                e.getEventType()
                    == EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED)
        .count();
  }

  @Test
  void aCreditQuotingABillPaysTheBillAndNoLoanHearsOfIt() {
    // A loan of the same borrower is open: the bill's money must not reach it.
    openLoan("loan-1");
    activities.match = new CreditMatch(null, "platform-1", "bill-2026-11");
    IncomingCredit credit =
        new IncomingCredit("bank-bill-1", "FR76AVANCEBILLS", 4_321, "RF18BILL202611", RECEIVED);

    reconcile(credit);

    assertThat(activities.billsPaid)
        .containsExactly(new PayBill(credit, "bill-2026-11", "platform-1"));
    assertThat(activities.settled).isEmpty();
    assertThat(externalSignals("bank-bill-1")).isZero();
    env.sleep(Duration.ofSeconds(5));
    assertThat(CreditAssignmentWorkflowTest.signaled).isEmpty();
    Histories.record(
        client, IncomingCreditWorkflow.workflowId("bank-bill-1"), "v2-incoming-credit-pays-bill");
  }

  @Test
  void aCreditQuotingALoanIsToldToTheLoanAndRecordedAsItsPayment() {
    openLoan("loan-1");
    activities.match = new CreditMatch("loan-1", "platform-1");
    IncomingCredit credit =
        new IncomingCredit("bank-loan-1", "FR76V", 50_000, "RF47LOAN1", RECEIVED);

    reconcile(credit);

    // The credit's workflow ends once its signal is sent; the loan takes it in its own next task.
    CreditAssignmentWorkflowTest.awaitSignals(1);
    assertThat(CreditAssignmentWorkflowTest.signaled)
        .containsExactly(new TransferReceived("bank-loan-1", 50_000, RECEIVED));
    assertThat(activities.settled)
        .containsExactly(new SettleCredit(credit, "loan-1", "platform-1", null));
    assertThat(activities.billsPaid).isEmpty();
    Histories.record(
        client, IncomingCreditWorkflow.workflowId("bank-loan-1"), "v2-incoming-credit-to-loan");
  }

  @Test
  void aCreditQuotingNothingIsParked() {
    IncomingCredit credit = new IncomingCredit("bank-none", "FR76V", 700, "thanks", RECEIVED);

    reconcile(credit);

    assertThat(activities.settled)
        .containsExactly(new SettleCredit(credit, null, null, "NO_MATCHING_REFERENCE"));
    assertThat(activities.billsPaid).isEmpty();
  }
}
