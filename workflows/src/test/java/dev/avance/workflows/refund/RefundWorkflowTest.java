package dev.avance.workflows.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentRef;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import dev.avance.workflows.testing.Histories;
import dev.avance.workflows.testing.TestEnvironments;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundWorkflowTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final String PAYER_IBAN = "FR7630006000011234567890189";

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeCredits credits = new FakeCredits();
  private final FakeBank bank = new FakeBank();

  /** A credit holding 120 EUR to pay back, or nothing when the test says so. */
  static class FakeCredits implements RefundActivities {
    final List<RefundRequest> claims = new CopyOnWriteArrayList<>();
    final List<RefundOutcome> completed = new CopyOnWriteArrayList<>();
    volatile boolean nothingToRefund;

    @Override
    public RefundClaim claimRefund(RefundRequest request) {
      claims.add(request);
      if (nothingToRefund) {
        throw ApplicationFailure.newNonRetryableFailure(
            "holds nothing to refund", FailureType.NOTHING_TO_REFUND.type());
      }
      return new RefundClaim(
          request.bankReference(), "platform-1", "borrower-1", 12_000, PAYER_IBAN, "Acme SAS");
    }

    @Override
    public Done completeRefund(RefundOutcome outcome) {
      completed.add(outcome);
      return new Done(true);
    }
  }

  /** Takes the refund as a bank does: accepted now, settled or rejected later in a file. */
  static class FakeBank implements PaymentActivities {
    final List<InstructPayment> instructed = new CopyOnWriteArrayList<>();
    final List<String> awaited = new CopyOnWriteArrayList<>();
    volatile PaymentStatus outcome = PaymentStatus.PAID;

    @Override
    public PaymentView instruct(InstructPayment command) {
      instructed.add(command);
      return view(command, PaymentStatus.INSTRUCTED);
    }

    @Override
    public PaymentView awaitOutcome(PaymentRef payment) {
      awaited.add(payment.paymentId());
      return view(instructed.get(0), outcome);
    }

    @Override
    public PaymentView cancel(PaymentRef payment) {
      throw new UnsupportedOperationException("a refund is never withdrawn");
    }

    private static PaymentView view(InstructPayment p, PaymentStatus status) {
      return new PaymentView(
          p.paymentId(),
          p.loanId(),
          p.type(),
          p.amountCents(),
          status,
          status == PaymentStatus.FAILED ? "AC04" : null,
          p.executionDate(),
          p.at(),
          status == PaymentStatus.PAID ? p.at() : null);
    }
  }

  @BeforeEach
  void setUp() {
    env = TestEnvironments.create(NOW);
    Worker worker = env.newWorker(TaskQueues.LOANS);
    worker.registerWorkflowImplementationTypes(RefundWorkflowImpl.class);
    worker.registerActivitiesImplementations(credits, bank);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private RefundOutcome refund(String bankReference) {
    RefundRequest request = new RefundRequest(bankReference, NOW);
    return client
        .newWorkflowStub(RefundWorkflow.class, RefundWorkflow.startOptions(request))
        .refund(request);
  }

  @Test
  void aClaimedCreditIsPaidBackToTheAccountItCameFrom() {
    RefundOutcome outcome = refund("bank-ref-1");

    assertThat(bank.instructed).hasSize(1);
    InstructPayment payment = bank.instructed.get(0);
    assertThat(payment.type()).isEqualTo(PaymentType.REFUND);
    // The EndToEndId derives from this id: the same credit can only be paid back once.
    assertThat(payment.paymentId()).isEqualTo(RefundWorkflow.paymentId("bank-ref-1"));
    assertThat(payment.amountCents()).isEqualTo(12_000);
    assertThat(payment.iban()).isEqualTo(PAYER_IBAN);
    assertThat(payment.payeeName()).isEqualTo("Acme SAS");
    assertThat(payment.platformId()).isEqualTo("platform-1");
    assertThat(payment.borrowerId()).isEqualTo("borrower-1");
    assertThat(bank.awaited).containsExactly(payment.paymentId());
    assertThat(outcome.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(outcome.amountCents()).isEqualTo(12_000);
    assertThat(outcome.bankReference()).isEqualTo("bank-ref-1");
    assertThat(credits.completed).containsExactly(outcome);
    Histories.record(client, RefundWorkflow.workflowId("bank-ref-1"), "v1-refund-paid");
  }

  @Test
  void aRefundTheBankRejectsCompletesAsFailed() {
    bank.outcome = PaymentStatus.FAILED;

    RefundOutcome outcome = refund("bank-ref-2");

    assertThat(outcome.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(outcome.failureReason()).isEqualTo("AC04");
    // Recorded as failed, so that the money stays refundable.
    assertThat(credits.completed).hasSize(1);
    assertThat(credits.completed.get(0).status()).isEqualTo(PaymentStatus.FAILED);
  }

  @Test
  void aCreditWithNothingToRefundFailsTheWorkflowAndSendsNothing() {
    credits.nothingToRefund = true;

    assertThatThrownBy(() -> refund("bank-ref-3"))
        .isInstanceOf(WorkflowFailedException.class)
        .satisfies(e -> assertThat(failureType(e)).isEqualTo("NOTHING_TO_REFUND"));
    assertThat(credits.claims).hasSize(1);
    assertThat(bank.instructed).isEmpty();
    assertThat(credits.completed).isEmpty();
  }

  private static String failureType(Throwable e) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof ApplicationFailure)) {
      cause = cause.getCause();
    }
    return cause == null ? null : ((ApplicationFailure) cause).getType();
  }
}
