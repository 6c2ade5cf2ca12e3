package dev.avance.workflows.borrower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.workflows.common.AvanceSearchAttributes;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.credit.CreditLineStatus;
import dev.avance.workflows.credit.SetCreditLineStatus;
import dev.avance.workflows.testing.Histories;
import dev.avance.workflows.testing.TestEnvironments;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BorrowerWorkflowTest {
  private static final BorrowerPolicy POLICY = new BorrowerPolicy(50_000_000L, 30);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeBorrowerActivities activities = new FakeBorrowerActivities();
  private final FakeCreditLineActivities credit = new FakeCreditLineActivities();

  @BeforeEach
  void setUp() {
    env = TestEnvironments.create();
    Worker worker = env.newWorker(TaskQueues.BORROWERS);
    worker.registerWorkflowImplementationTypes(BorrowerWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities, credit);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private static OnboardBorrower borrower(String id, Instant signedAt) {
    return new OnboardBorrower(
        id,
        "platform-1",
        "552100554",
        IdentifierType.SIREN,
        Country.FRA,
        "Acme",
        signedAt,
        null,
        POLICY,
        null);
  }

  /** The same call the API makes: update-with-start. */
  private BorrowerState onboard(OnboardBorrower input, boolean waitForReady) {
    BorrowerWorkflow stub =
        client.newWorkflowStub(BorrowerWorkflow.class, BorrowerWorkflow.startOptions(input));
    return WorkflowClient.executeUpdateWithStart(
        stub::awaitRegistration,
        new AwaitRegistration("create-" + input.borrowerId(), waitForReady),
        UpdateOptions.<BorrowerState>newBuilder()
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        new WithStartWorkflowOperation<>(stub::run, input));
  }

  private BorrowerWorkflow running(String id) {
    return client.newWorkflowStub(BorrowerWorkflow.class, BorrowerWorkflow.workflowId(id));
  }

  @Test
  void eligibleBorrowerWaitsForItsSignatureThenGetsACreditLine() {
    String id = UUID.randomUUID().toString();

    BorrowerState created = onboard(borrower(id, null), true);

    assertThat(created.status()).isEqualTo(BorrowerStatus.TO_SIGN);
    assertThat(created.creditLine()).isNull();
    assertThat(activities.calls.get(0).status()).isEqualTo(BorrowerStatus.SUBMITTED);

    BorrowerState signed =
        running(id).sign(new SignTerms("sign-1", Instant.parse("2026-11-01T10:00:00Z"), true));

    assertThat(signed.status()).isEqualTo(BorrowerStatus.READY);
    assertThat(signed.signedAt()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    assertThat(signed.creditLine().status()).isEqualTo(CreditLineStatus.ACTIVE);
    // 10 % of 1,000,000 EUR revenue, company older than 5 years: x120 %.
    assertThat(signed.creditLine().maxAmountCents()).isEqualTo(12_000_000L);
    assertThat(activities.statuses)
        .extracting(RecordBorrowerStatus::status)
        .containsExactly(BorrowerStatus.TO_SIGN, BorrowerStatus.SIGNED, BorrowerStatus.READY);
    assertThat(activities.statuses.get(2).signedAt())
        .isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    assertThat(activities.events).extracting(RecordEvent::eventType).contains("credit_line.ACTIVE");
    assertThat(
            WorkflowStub.fromTyped(running(id))
                .describe()
                .getTypedSearchAttributes()
                .get(AvanceSearchAttributes.BORROWER_STATUS))
        .isEqualTo("READY");
    Histories.record(client, BorrowerWorkflow.workflowId(id), "v1-borrower-ready");
  }

  @Test
  void aBorrowerSignedAtCreationIsReadyInOneCall() {
    String id = UUID.randomUUID().toString();

    BorrowerState state = onboard(borrower(id, Instant.parse("2026-11-01T10:00:00Z")), true);

    assertThat(state.status()).isEqualTo(BorrowerStatus.READY);
    assertThat(credit.opened).hasSize(1);
    assertThat(credit.opened.get(0).expiresAt())
        .isEqualTo(credit.opened.get(0).at().plus(Duration.ofDays(30)));
  }

  @Test
  void withoutWaitingTheAnswerComesBeforeEligibility() {
    String id = UUID.randomUUID().toString();

    BorrowerState state = onboard(borrower(id, null), false);

    assertThat(state.registered()).isTrue();
    assertThat(state.status()).isIn(BorrowerStatus.SUBMITTED, BorrowerStatus.TO_SIGN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "COMPANY_NOT_FOUND, false, true, false, false, 2010-01-01",
    "NOT_COMMERCIAL_COMPANY, true, false, false, false, 2010-01-01",
    "INSOLVENT, true, true, true, false, 2010-01-01",
    "STRUCK_OFF, true, true, false, true, 2010-01-01",
    "COMPANY_TOO_YOUNG, true, true, false, false, 2099-01-01",
  })
  void ineligibleCompaniesAreRefusedWithAReason(
      String reason,
      boolean found,
      boolean commercial,
      boolean insolvent,
      boolean struckOff,
      LocalDate createdOn) {
    // "2099" stands for "created yesterday": the test clock is today's, the registry's is fixed.
    LocalDate created = createdOn.getYear() == 2099 ? LocalDate.now().minusMonths(1) : createdOn;
    activities.profile =
        new CompanyProfile(
            found, "X", "SAS", commercial, created, 100_000_000L, insolvent, struckOff);
    String id = UUID.randomUUID().toString();

    BorrowerState state = onboard(borrower(id, null), true);

    assertThat(state.status()).isEqualTo(BorrowerStatus.REFUSED);
    assertThat(state.statusReason()).isEqualTo(reason);
    OnboardingResult result =
        client
            .newUntypedWorkflowStub(BorrowerWorkflow.workflowId(id))
            .getResult(OnboardingResult.class);
    assertThat(result.status()).isEqualTo(BorrowerStatus.REFUSED);
    assertThat(credit.opened).isEmpty();
    if (reason.equals("INSOLVENT")) {
      Histories.record(client, BorrowerWorkflow.workflowId(id), "v1-borrower-refused");
    }
  }

  @Test
  void theCreditLineExpiresAfterItsValidityAndRescoringRenewsIt() {
    String id = UUID.randomUUID().toString();
    onboard(borrower(id, Instant.parse("2026-11-01T10:00:00Z")), true);

    env.sleep(Duration.ofDays(31));

    assertThat(credit.statusChanges).hasSize(1);
    assertThat(credit.statusChanges.get(0).status()).isEqualTo(CreditLineStatus.EXPIRED);
    assertThat(running(id).state().creditLine().status()).isEqualTo(CreditLineStatus.EXPIRED);

    BorrowerState rescored =
        running(id)
            .submitFinancialData(new SubmitFinancialData("data-1", 500_000_000L, null, true));

    assertThat(rescored.creditLine().status()).isEqualTo(CreditLineStatus.ACTIVE);
    // 10 % of 5,000,000 EUR = 500,000; x120 % (age) = 600,000; +20 % of base (accounting)
    // = 700,000; capped at the line cap of 500,000 EUR.
    assertThat(rescored.creditLine().maxAmountCents()).isEqualTo(50_000_000L);
    assertThat(credit.opened).hasSize(2);
    assertThat(credit.opened.get(1).expiresAt()).isAfter(credit.opened.get(0).expiresAt());
    Histories.record(client, BorrowerWorkflow.workflowId(id), "v1-borrower-expired-rescored");
  }

  @Test
  void aLateLoanBlocksTheLineUntilItIsRepaid() {
    String id = UUID.randomUUID().toString();
    onboard(borrower(id, Instant.parse("2026-11-01T10:00:00Z")), true);

    running(id).loanLateness(new LoanLateness("loan-1", true));
    running(id).loanLateness(new LoanLateness("loan-2", true));
    env.sleep(Duration.ofMinutes(1));
    assertThat(running(id).state().creditLine().status()).isEqualTo(CreditLineStatus.BLOCKED);
    assertThat(running(id).state().creditLine().statusReason())
        .isEqualTo("LATE_REPAYMENT_BORROWER");

    running(id).loanLateness(new LoanLateness("loan-1", false));
    env.sleep(Duration.ofMinutes(1));
    assertThat(running(id).state().creditLine().status()).isEqualTo(CreditLineStatus.BLOCKED);
    running(id).loanLateness(new LoanLateness("loan-2", false));
    env.sleep(Duration.ofMinutes(1));

    assertThat(running(id).state().creditLine().status()).isEqualTo(CreditLineStatus.ACTIVE);
    assertThat(credit.statusChanges)
        .extracting(SetCreditLineStatus::status)
        .containsExactly(CreditLineStatus.BLOCKED, CreditLineStatus.ACTIVE);
    Histories.record(client, BorrowerWorkflow.workflowId(id), "v2-borrower-blocked-by-late-loan");
  }

  @Test
  void financialDataRaisesAnActiveLineWithoutWaitingForExpiry() {
    String id = UUID.randomUUID().toString();
    BorrowerState ready = onboard(borrower(id, Instant.parse("2026-11-01T10:00:00Z")), true);

    BorrowerState rescored =
        running(id).submitFinancialData(new SubmitFinancialData("data-1", null, null, true));

    assertThat(rescored.creditLine().maxAmountCents())
        .isGreaterThan(ready.creditLine().maxAmountCents());
    assertThat(credit.statusChanges).isEmpty();
  }

  @Test
  void aRepaymentMethodIsStoredUnderAnIdTheWorkflowChose() {
    String id = UUID.randomUUID().toString();
    onboard(borrower(id, null), true);

    RepaymentMethodView method =
        running(id)
            .addRepaymentMethod(
                new AddRepaymentMethod(
                    "m-1",
                    PaymentMethod.DIRECT_DEBIT,
                    "FR1420041010050500013M02606",
                    "PSSTFRPPPAR",
                    "cfo@acme.test",
                    LocalDate.of(1980, 5, 17),
                    "FRA",
                    "FRA",
                    true,
                    false,
                    null));

    assertThat(method.id()).isNotBlank();
    assertThat(activities.methods).hasSize(1);
    assertThat(activities.methods.get(0).methodId()).isEqualTo(method.id());
    assertThat(activities.events)
        .extracting(RecordEvent::eventType)
        .contains("repayment_method.READY");
  }

  @Test
  void aRefusedBorrowerAcceptsNoMoreCommands() {
    activities.profile =
        new CompanyProfile(
            true, "X", "SAS", true, LocalDate.of(2010, 1, 1), 100_000_000L, true, false);
    String id = UUID.randomUUID().toString();
    onboard(borrower(id, null), true);

    assertThatThrownBy(
            () ->
                running(id).sign(new SignTerms("s", Instant.parse("2026-11-01T10:00:00Z"), false)))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void signingInTheFutureIsRejectedByTheValidator() {
    String id = UUID.randomUUID().toString();
    onboard(borrower(id, null), true);

    assertThatThrownBy(
            () ->
                running(id).sign(new SignTerms("s", Instant.now().plus(Duration.ofDays(2)), false)))
        .isInstanceOf(WorkflowUpdateException.class);
    assertThat(running(id).state().status()).isEqualTo(BorrowerStatus.TO_SIGN);
  }

  @Test
  void aRetriedUpdateWithTheSameWorkflowIdDoesNotRegisterTwice() {
    String id = UUID.randomUUID().toString();

    onboard(borrower(id, null), true);
    BorrowerState again = onboard(borrower(id, null), true);

    assertThat(again.registered()).isTrue();
    assertThat(activities.calls).hasSize(1);
  }

  @Test
  void transientActivityFailuresAreRetriedUntilTheBorrowerIsRecorded() {
    activities.transientFailuresLeft.set(2);
    String id = UUID.randomUUID().toString();

    BorrowerState state = onboard(borrower(id, null), true);

    assertThat(state.registered()).isTrue();
    assertThat(activities.calls).hasSize(3);
  }

  @Test
  void aDuplicateIdentifierFailsTheUpdateAndEndsTheWorkflow() {
    activities.duplicateOf = "existing-borrower";
    String id = UUID.randomUUID().toString();

    assertThatThrownBy(() -> onboard(borrower(id, null), true))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FailureType.DUPLICATE_IDENTIFIER.type());
              assertThat(failure.getDetails().get(String.class)).isEqualTo("existing-borrower");
            });

    OnboardingResult result =
        client
            .newUntypedWorkflowStub(BorrowerWorkflow.workflowId(id))
            .getResult(OnboardingResult.class);
    assertThat(result.status()).isEqualTo(BorrowerStatus.REFUSED);
    assertThat(result.statusReason()).isEqualTo("DUPLICATE_IDENTIFIER");
    assertThat(activities.calls).hasSize(1);
    Histories.record(client, BorrowerWorkflow.workflowId(id), "v1-borrower-duplicate");
  }
}
