package dev.avance.workflows.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.rules.LoanReferences;
import dev.avance.workflows.testing.Histories;
import dev.avance.workflows.testing.TestEnvironments;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BillingWorkflowTest {
  /** Tuesday 1 December 2026, 06:00 in Paris: when the schedule fires for November. */
  private static final Instant FIRST_OF_DECEMBER = Instant.parse("2026-12-01T05:00:00Z");

  private static final YearMonth NOV = YearMonth.of(2026, 11);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeBillingActivities billing = new FakeBillingActivities();
  private final FakeBillBank bank = new FakeBillBank();

  private void start() {
    start(true);
  }

  private void start(boolean skipTime) {
    env = TestEnvironments.create(FIRST_OF_DECEMBER, skipTime);
    Worker worker = env.newWorker(TaskQueues.BILLING);
    worker.registerWorkflowImplementationTypes(BillingWorkflowImpl.class);
    worker.registerActivitiesImplementations(billing, bank);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    if (env != null) {
      env.close();
    }
  }

  private BillingResult runPeriod(YearMonth period, BillingPolicy policy) {
    BillingWorkflow stub =
        client.newWorkflowStub(BillingWorkflow.class, BillingWorkflow.startOptions(period));
    return stub.run(BillingRun.of(period, policy));
  }

  private List<InstructPayment> debits() {
    return bank.instructed.stream().filter(p -> p.type() == PaymentType.DIRECT_DEBIT).toList();
  }

  @Test
  void aPeriodIsBilledIssuedAndItsBorrowersDebited() {
    billing.bill("a-borrower", PayerType.BORROWER, 1_250, true);
    billing.bill("b-platform", PayerType.PLATFORM, 500, false);
    billing.bill("c-no-mandate", PayerType.BORROWER, 75, false);
    start();

    BillingResult result = runPeriod(NOV, BillingPolicy.DEFAULT);

    assertThat(result.period()).isEqualTo(NOV);
    assertThat(result.totals()).isEqualTo(new BillingTotals(3, 9, 1_825, 3, 1, 1, 0, 1));
    assertThat(debits()).hasSize(1);
    InstructPayment debit = debits().get(0);
    assertThat(debit.paymentId()).isEqualTo("bill-a-borrower:debit");
    assertThat(debit.loanId()).isEqualTo("a-borrower");
    assertThat(debit.amountCents()).isEqualTo(1_250);
    assertThat(debit.mandateReference()).isEqualTo("MANDATE-borrower-a-borrower");
    assertThat(debit.remittanceReference())
        .isEqualTo(LoanReferences.remittanceReference("a-borrower"));
    // Bill date Tuesday 1 December; three TARGET business days later: Friday 4 December.
    assertThat(debit.executionDate()).isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(billing.status("a-borrower")).isEqualTo(BillStatus.PAID);
    assertThat(billing.status("b-platform")).isEqualTo(BillStatus.TO_PAY);
    assertThat(billing.status("c-no-mandate")).isEqualTo(BillStatus.TO_PAY);
    assertThat(billing.calls)
        .containsExactly(
            "generate 2026-11",
            "issue after null",
            "debitsInstructed 1",
            "toCollect after null",
            "recordPayments 1",
            "closeSettledLoans");
    Histories.record(client, BillingWorkflow.workflowId(NOV), "v1-billing-period");
  }

  @Test
  void aCompletedPeriodCannotBeStartedAgainAndARunOfItBillsNothingTwice() {
    billing.bill("a-borrower", PayerType.BORROWER, 1_250, true);
    start();
    runPeriod(NOV, BillingPolicy.DEFAULT);

    // The period's workflow id is taken for good once its run completed.
    BillingWorkflow again =
        client.newWorkflowStub(BillingWorkflow.class, BillingWorkflow.startOptions(NOV));
    assertThatThrownBy(() -> WorkflowClient.start(again::run, BillingRun.of(NOV, null)))
        .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
    // And even another run of the same period (another workflow id) creates nothing twice.
    BillingWorkflow other =
        client.newWorkflowStub(
            BillingWorkflow.class,
            WorkflowOptions.newBuilder(BillingWorkflow.startOptions(NOV))
                .setWorkflowId("billing-2026-11-again")
                .build());
    BillingResult second = other.run(BillingRun.of(NOV, null));

    assertThat(second.totals().billsGenerated()).isZero();
    assertThat(second.totals().debitsInstructed()).isZero();
    assertThat(debits()).hasSize(1);
    assertThat(billing.bills.get("a-borrower").issued).isEqualTo(1);
  }

  @Test
  void aFailedRunStartedAgainResumesWhereItStopped() {
    for (String id : List.of("a", "b", "c", "d")) {
      billing.bill(id, PayerType.BORROWER, 100, true);
    }
    billing.failIssueCall = 3;
    start();
    BillingPolicy onePerPage = new BillingPolicy(1, 100, 3);

    assertThatThrownBy(() -> runPeriod(NOV, onePerPage))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(debits()).extracting(InstructPayment::loanId).containsExactly("a", "b");

    BillingResult resumed = runPeriod(NOV, onePerPage);

    assertThat(resumed.totals().billsGenerated()).isZero();
    assertThat(resumed.totals().billsIssued()).isEqualTo(2);
    assertThat(resumed.totals().billsPaid()).isEqualTo(4);
    assertThat(debits()).extracting(InstructPayment::loanId).containsExactly("a", "b", "c", "d");
    assertThat(billing.bills.values()).allSatisfy(b -> assertThat(b.issued).isEqualTo(1));
    assertThat(billing.bills.values())
        .allSatisfy(b -> assertThat(b.status).isEqualTo(BillStatus.PAID));
  }

  @Test
  void manyPayersArePagedAndTheRunContinuesAsNewWithItsCursor() {
    for (int i = 0; i < 7; i++) {
      billing.bill("bill-" + i, i % 2 == 0 ? PayerType.BORROWER : PayerType.PLATFORM, 10, true);
    }
    start();
    BillingWorkflow stub =
        client.newWorkflowStub(BillingWorkflow.class, BillingWorkflow.startOptions(NOV));
    String firstRunId =
        WorkflowClient.start(stub::run, BillingRun.of(NOV, new BillingPolicy(2, 1, 3))).getRunId();

    BillingResult result = WorkflowStub.fromTyped(stub).getResult(BillingResult.class);

    assertThat(result.totals().billsGenerated()).isEqualTo(7);
    assertThat(result.totals().billsIssued()).isEqualTo(7);
    assertThat(result.totals().debitsInstructed()).isEqualTo(4);
    assertThat(result.totals().billsPaid()).isEqualTo(4);
    assertThat(debits()).hasSize(4);
    assertThat(billing.calls.stream().filter(c -> c.startsWith("generate"))).hasSize(1);
    assertThat(billing.calls.stream().filter(c -> c.startsWith("issue"))).hasSize(4);
    List<HistoryEvent> firstRun =
        client.fetchHistory(BillingWorkflow.workflowId(NOV), firstRunId).getEvents();
    assertThat(firstRun.get(firstRun.size() - 1).getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  }

  @Test
  void aReturnedDebitLeavesTheBillToPay() {
    billing.bill("a-borrower", PayerType.BORROWER, 1_250, true);
    bank.outcomes.put("a-borrower", PaymentStatus.RETURNED);
    start();

    BillingResult result = runPeriod(NOV, BillingPolicy.DEFAULT);

    assertThat(result.totals().paymentsFailed()).isEqualTo(1);
    assertThat(result.totals().billsPaid()).isZero();
    assertThat(billing.status("a-borrower")).isEqualTo(BillStatus.TO_PAY);
  }

  @Test
  void theScheduledRunBillsThePreviousMonthThroughThePeriodsOwnRun() {
    billing.bill("a-borrower", PayerType.BORROWER, 1_250, true);
    // Each run reads when it was triggered: the clock must not jump between the two.
    start(false);
    BillingWorkflow scheduled =
        client.newWorkflowStub(
            BillingWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.BILLING)
                .setWorkflowId(BillingWorkflow.SCHEDULED_WORKFLOW_ID + "-2026-12-01T05:00:00Z")
                .build());

    BillingResult result = scheduled.run(BillingRun.of(null, null));

    assertThat(result.period()).isEqualTo(NOV);
    assertThat(result.note()).isNull();
    assertThat(result.totals().billsPaid()).isEqualTo(1);
    BillingResult periodRun =
        client
            .newUntypedWorkflowStub(BillingWorkflow.workflowId(NOV))
            .getResult(BillingResult.class);
    assertThat(periodRun).isEqualTo(result);

    // Triggered again (a catch-up, an operator's "trigger now"): the period is done already.
    BillingWorkflow twice =
        client.newWorkflowStub(
            BillingWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.BILLING)
                .setWorkflowId(BillingWorkflow.SCHEDULED_WORKFLOW_ID + "-2026-12-01T05:00:10Z")
                .build());
    BillingResult second = twice.run(BillingRun.of(null, null));

    assertThat(second.period()).isEqualTo(NOV);
    assertThat(second.note()).contains("billing-2026-11");
    assertThat(billing.calls.stream().filter(c -> c.startsWith("generate"))).hasSize(1);
    assertThat(debits()).hasSize(1);
    Histories.record(
        client,
        BillingWorkflow.SCHEDULED_WORKFLOW_ID + "-2026-12-01T05:00:00Z",
        "v1-billing-scheduled");
  }
}
