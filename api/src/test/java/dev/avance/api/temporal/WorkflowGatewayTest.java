package dev.avance.api.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.workflows.common.AvanceDataConverter;
import dev.avance.workflows.common.AvanceSearchAttributes;
import dev.avance.workflows.common.PayloadEncryption;
import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.loan.AwaitDecision;
import dev.avance.workflows.loan.BankAccount;
import dev.avance.workflows.loan.ChangeDueDate;
import dev.avance.workflows.loan.DebitReturned;
import dev.avance.workflows.loan.FeesSettled;
import dev.avance.workflows.loan.Invoice;
import dev.avance.workflows.loan.LoanCommand;
import dev.avance.workflows.loan.LoanPolicy;
import dev.avance.workflows.loan.LoanRefusal;
import dev.avance.workflows.loan.LoanState;
import dev.avance.workflows.loan.LoanStatus;
import dev.avance.workflows.loan.LoanWorkflow;
import dev.avance.workflows.loan.RepaymentSetup;
import dev.avance.workflows.loan.RequestLoan;
import dev.avance.workflows.loan.TransferReceived;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's bound on wait_for_validation, against a loan workflow that never decides: the
 * caller gets no decision after the wait, and reads the loan as it is, instead of hanging.
 */
class WorkflowGatewayTest {
  private TestWorkflowEnvironment env;
  private WorkflowGateway gateway;

  /** Records, then never decides: what a loan looks like while its decision is stuck. */
  public static class NeverDecides implements LoanWorkflow {
    private boolean recorded;

    @Override
    public LoanState run(RequestLoan input) {
      recorded = true;
      Workflow.await(() -> false);
      return null;
    }

    @Override
    public LoanState awaitDecision(AwaitDecision request) {
      Workflow.await(() -> recorded);
      if (request.waitForDecision()) {
        Workflow.await(() -> false);
      }
      return state();
    }

    @Override
    public void validateAwaitDecision(AwaitDecision request) {
      if (!"hash".equals(request.requestHash())) {
        throw new IllegalArgumentException("salt_id was already used for a different request");
      }
    }

    @Override
    public LoanState validate(LoanCommand request) {
      return state();
    }

    @Override
    public void validateValidate(LoanCommand request) {
      throw new IllegalStateException("an untyped refusal");
    }

    @Override
    public LoanState cancel(LoanCommand request) {
      return state();
    }

    @Override
    public void validateCancel(LoanCommand request) {}

    @Override
    public LoanState changeDueDate(ChangeDueDate request) {
      return state();
    }

    @Override
    public void validateChangeDueDate(ChangeDueDate request) {
      // Reworded on purpose: the gateway must read the code, never the message.
      throw LoanRefusal.LOAN_LATE.failure("whatever the wording");
    }

    @Override
    public void transferReceived(TransferReceived transfer) {}

    @Override
    public void debitReturned(DebitReturned returned) {}

    @Override
    public void repaymentMethodChanged(RepaymentSetup setup) {}

    @Override
    public void feesSettled(FeesSettled settled) {}

    @Override
    public void writtenOff(dev.avance.workflows.loan.WrittenOff writtenOff) {}

    @Override
    public LoanState state() {
      return new LoanState(
          "loan",
          "platform",
          "borrower",
          LoanStatus.PENDING_VALIDATION,
          null,
          50_000,
          0,
          null,
          null,
          null,
          false,
          false,
          false,
          null,
          null);
    }
  }

  @BeforeEach
  void setUp() {
    TestEnvironmentOptions.Builder options =
        TestEnvironmentOptions.newBuilder()
            .setWorkflowClientOptions(
                WorkflowClientOptions.newBuilder()
                    .setDataConverter(
                        AvanceDataConverter.create(
                            new PayloadEncryption(Map.of("test", new byte[32]))))
                    .validateAndBuildWithDefaults());
    AvanceSearchAttributes.definitions().forEach(options::registerSearchAttribute);
    env = TestWorkflowEnvironment.newInstance(options.build());
    env.newWorker(TaskQueues.LOANS).registerWorkflowImplementationTypes(NeverDecides.class);
    env.start();
    gateway = new WorkflowGateway(env.getWorkflowClient(), Duration.ofSeconds(1));
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private static RequestLoan loan(String hash) {
    LocalDate today = LocalDate.of(2026, 11, 27);
    return new RequestLoan(
        UUID.randomUUID().toString(),
        "platform",
        "borrower",
        "salt",
        hash,
        50_000,
        new Invoice("F-1", 60_000, today, today.plusDays(60), null, null),
        null,
        new BankAccount("FR1420041010050500013M02606", null),
        today,
        today.plusDays(30),
        true,
        null,
        LoanPolicy.DEFAULT);
  }

  @Test
  void aDecisionThatDoesNotComeInTimeAnswersNothingAfterTheWait() throws Exception {
    long start = System.nanoTime();

    LoanState answer = gateway.requestLoan(loan("hash"), true);

    long waited = (System.nanoTime() - start) / 1_000_000;
    assertThat(answer).isNull();
    assertThat(waited).isBetween(900L, 15_000L);
  }

  @Test
  void withoutWaitingForTheDecisionTheRecordedLoanIsTheAnswer() throws Exception {
    assertThat(gateway.requestLoan(loan("hash"), false).status())
        .isEqualTo(LoanStatus.PENDING_VALIDATION);
  }

  @Test
  void aRequestTheValidatorRejectsIsRejected() {
    assertThatThrownBy(() -> gateway.requestLoan(loan("other"), true))
        .isInstanceOf(WorkflowGateway.Rejected.class);
  }

  @Test
  void aTypedRefusalReachesTheCallerAsItsCode() throws Exception {
    RequestLoan input = loan("hash");
    gateway.requestLoan(input, false);

    assertThatThrownBy(
            () ->
                gateway.changeDueDate(
                    input.loanId(), new ChangeDueDate("p", LocalDate.of(2027, 1, 15))))
        .isInstanceOfSatisfying(
            WorkflowGateway.Rejected.class,
            rejected -> {
              assertThat(rejected.refusal()).isEqualTo(LoanRefusal.LOAN_LATE);
              assertThat(rejected.badArgument()).isFalse();
            });
  }

  @Test
  void anUntypedRefusalHasNoLoanRefusal() throws Exception {
    RequestLoan input = loan("hash");
    gateway.requestLoan(input, false);

    assertThatThrownBy(() -> gateway.validateLoan(input.loanId(), new LoanCommand("v", null)))
        .isInstanceOfSatisfying(
            WorkflowGateway.Rejected.class, rejected -> assertThat(rejected.refusal()).isNull());
  }
}
