package dev.avance.workflows.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.loan.AwaitDecision;
import dev.avance.workflows.loan.ChangeDueDate;
import dev.avance.workflows.loan.DebitReturned;
import dev.avance.workflows.loan.LoanCommand;
import dev.avance.workflows.loan.LoanState;
import dev.avance.workflows.loan.LoanWorkflow;
import dev.avance.workflows.loan.RepaymentSetup;
import dev.avance.workflows.loan.RequestLoan;
import dev.avance.workflows.loan.TransferReceived;
import dev.avance.workflows.testing.Histories;
import dev.avance.workflows.testing.TestEnvironments;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreditAssignmentWorkflowTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-20T10:00:00Z");
  static final List<TransferReceived> signaled = new CopyOnWriteArrayList<>();

  /**
   * Waits, in real time, until the fake loan took {@code count} signals: the sender's workflow ends
   * once a signal is sent, and the loan takes it in a task of its own, later.
   */
  static void awaitSignals(int count) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (signaled.size() < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeCredits credits = new FakeCredits();

  /** Parked credits in memory; claim fails as the real one does. */
  static class FakeCredits implements IncomingCreditActivities {
    final List<SettleCredit> settled = new CopyOnWriteArrayList<>();
    volatile FailureType refusal;

    @Override
    public CreditMatch match(IncomingCredit credit) {
      return new CreditMatch(null, null);
    }

    @Override
    public Done settle(SettleCredit command) {
      settled.add(command);
      return new Done(true);
    }

    @Override
    public Done payBill(PayBill command) {
      throw new UnsupportedOperationException("no bills here");
    }

    @Override
    public ClaimedCredit claim(AssignCredit request) {
      if (refusal != null) {
        throw ApplicationFailure.newNonRetryableFailure("refused", refusal.type());
      }
      return new ClaimedCredit(
          new IncomingCredit(request.bankReference(), "FR76V", 15_000, "invoice 42", RECEIVED),
          "platform-1");
    }
  }

  /** A loan waiting for its repayment that only keeps the transfers it is told of. */
  public static class WaitingLoan implements LoanWorkflow {
    @Override
    public LoanState run(RequestLoan input) {
      Workflow.await(() -> false);
      return null;
    }

    @Override
    public void transferReceived(TransferReceived transfer) {
      signaled.add(transfer);
    }

    @Override
    public void debitReturned(DebitReturned returned) {}

    @Override
    public LoanState awaitDecision(AwaitDecision request) {
      return null;
    }

    @Override
    public void validateAwaitDecision(AwaitDecision request) {}

    @Override
    public LoanState validate(LoanCommand request) {
      return null;
    }

    @Override
    public void validateValidate(LoanCommand request) {}

    @Override
    public LoanState cancel(LoanCommand request) {
      return null;
    }

    @Override
    public void validateCancel(LoanCommand request) {}

    @Override
    public LoanState changeDueDate(ChangeDueDate request) {
      return null;
    }

    @Override
    public void validateChangeDueDate(ChangeDueDate request) {}

    @Override
    public void repaymentMethodChanged(RepaymentSetup setup) {}

    @Override
    public void feesSettled(dev.avance.workflows.loan.FeesSettled settled) {}

    @Override
    public void writtenOff(dev.avance.workflows.loan.WrittenOff writtenOff) {}

    @Override
    public LoanState state() {
      return null;
    }
  }

  @BeforeEach
  void setUp() {
    signaled.clear();
    env = TestEnvironments.create();
    Worker worker = env.newWorker(TaskQueues.LOANS);
    worker.registerWorkflowImplementationTypes(
        CreditAssignmentWorkflowImpl.class, WaitingLoan.class);
    worker.registerActivitiesImplementations(credits);
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

  private CreditAssignment assign(String bankReference, String loanId) {
    AssignCredit request = new AssignCredit(bankReference, loanId);
    return client
        .newWorkflowStub(
            CreditAssignmentWorkflow.class, CreditAssignmentWorkflow.startOptions(request))
        .assign(request);
  }

  private static String failureType(Throwable e) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof ApplicationFailure)) {
      cause = cause.getCause();
    }
    return cause == null ? null : ((ApplicationFailure) cause).getType();
  }

  @Test
  void theLoanIsToldOfTheCreditThenTheCreditIsMatched() {
    openLoan("loan-1");

    CreditAssignment done = assign("bank-ref-1", "loan-1");

    assertThat(done).isEqualTo(new CreditAssignment("bank-ref-1", "loan-1", 15_000));
    awaitSignals(1);
    assertThat(signaled).containsExactly(new TransferReceived("bank-ref-1", 15_000, RECEIVED));
    assertThat(credits.settled).hasSize(1);
    assertThat(credits.settled.get(0).loanId()).isEqualTo("loan-1");
    assertThat(credits.settled.get(0).platformId()).isEqualTo("platform-1");
    Histories.record(
        client, CreditAssignmentWorkflow.workflowId("bank-ref-1"), "v1-credit-assignment");
  }

  @Test
  void aCreditThatIsNotParkedIsRefusedAndNoLoanHearsOfIt() {
    openLoan("loan-1");
    credits.refusal = FailureType.CREDIT_NOT_PARKED;

    assertThatThrownBy(() -> assign("bank-ref-1", "loan-1"))
        .isInstanceOf(WorkflowFailedException.class)
        .satisfies(e -> assertThat(failureType(e)).isEqualTo("CREDIT_NOT_PARKED"));
    assertThat(signaled).isEmpty();
    assertThat(credits.settled).isEmpty();
  }

  @Test
  void aLoanThatHasEndedLeavesTheCreditParkedAndAnotherLoanMayTakeIt() {
    assertThatThrownBy(() -> assign("bank-ref-1", "loan-gone"))
        .isInstanceOf(WorkflowFailedException.class)
        .satisfies(e -> assertThat(failureType(e)).isEqualTo("LOAN_NOT_OPEN"));
    assertThat(credits.settled).isEmpty();

    // A failed assignment does not hold the credit: it can be given to an open loan.
    openLoan("loan-2");
    assertThat(assign("bank-ref-1", "loan-2").loanId()).isEqualTo("loan-2");
    awaitSignals(1);
    assertThat(signaled).hasSize(1);
  }
}
