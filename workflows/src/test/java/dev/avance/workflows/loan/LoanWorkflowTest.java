package dev.avance.workflows.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.workflows.borrower.BorrowerWorkflow;
import dev.avance.workflows.borrower.LoanLateness;
import dev.avance.workflows.borrower.OnboardBorrower;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.rules.TargetCalendar;
import dev.avance.workflows.testing.Histories;
import dev.avance.workflows.testing.TestEnvironments;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoanWorkflowTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Friday 27 November 2026, 09:00 in Paris. */
  private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  /** A due date whose debit is instructed on Tuesday 22 December 2026 at 06:00 in Paris. */
  private static final LocalDate DUE = LocalDate.of(2026, 12, 27);

  /** From {@link #NOW} to Tuesday 22 December, 09:00 in Paris: the debit is at the bank. */
  private static final Duration UNTIL_DEBIT_INSTRUCTED = Duration.ofDays(25);

  private static final Duration RETURN_WINDOW = Duration.ofDays(56);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeLoanActivities loans = new FakeLoanActivities();
  private final FakeCredit credit = new FakeCredit();
  private final FakeBank bank = new FakeBank();
  private final FakeDocuments documents = new FakeDocuments();

  private void start(Instant initialTime) {
    FakeBorrower.told.clear();
    env = TestEnvironments.create(initialTime);
    Worker worker = env.newWorker(TaskQueues.LOANS);
    worker.registerWorkflowImplementationTypes(LoanWorkflowImpl.class, FakeBorrower.class);
    worker.registerActivitiesImplementations(loans, credit, bank, documents);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    if (env != null) {
      env.close();
    }
  }

  private static RequestLoan loan(LocalDate toPayAt, LocalDate toRepayAt, boolean autoValidate) {
    return loan(toPayAt, toRepayAt, autoValidate, LoanPolicy.DEFAULT);
  }

  private static RequestLoan loan(
      LocalDate toPayAt, LocalDate toRepayAt, boolean autoValidate, LoanPolicy policy) {
    return new RequestLoan(
        UUID.randomUUID().toString(),
        "platform-1",
        "borrower-1",
        "salt-" + UUID.randomUUID(),
        "hash-1",
        50_000,
        new Invoice("F-2026-001", 60_000, TODAY.minusDays(3), TODAY.plusDays(60), "Debtor", "1"),
        "FR1420041010050500013M02606",
        new BankAccount("FR1420041010050500013M02606", "PSSTFRPPPAR"),
        toPayAt,
        toRepayAt,
        autoValidate,
        null,
        policy);
  }

  /** The call the API makes: update-with-start, waiting for the decision. */
  private LoanState request(RequestLoan input) {
    LoanWorkflow stub =
        client.newWorkflowStub(LoanWorkflow.class, LoanWorkflow.startOptions(input));
    return WorkflowClient.executeUpdateWithStart(
        stub::awaitDecision,
        new AwaitDecision(input.requestHash(), true),
        UpdateOptions.<LoanState>newBuilder()
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        new WithStartWorkflowOperation<>(stub::run, input));
  }

  private LoanWorkflow running(RequestLoan input) {
    return client.newWorkflowStub(LoanWorkflow.class, LoanWorkflow.workflowId(input.loanId()));
  }

  /**
   * The loan's end. A loan whose borrower pays the fees waits in TO_REPAY_FEES for billing: this
   * tells it, as billing would once its bills are paid, each time it is seen waiting for them.
   */
  private LoanState result(RequestLoan input) {
    WorkflowStub stub = WorkflowStub.fromTyped(running(input));
    // Waiting on the result alone would skip time to the run's timeout: a loan waiting for its
    // fees has no timer to skip to. Step through the days until it is at that wait or ended.
    for (int day = 0; day < 400; day++) {
      if (executionStatus(input) != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        break;
      }
      if (running(input).state().status() == LoanStatus.TO_REPAY_FEES) {
        running(input).feesSettled(new FeesSettled("bill-1", NOW));
        break;
      }
      env.sleep(Duration.ofDays(1));
    }
    return stub.getResult(LoanState.class);
  }

  /** The timers the loan started, by how long each was set for. */
  private List<Duration> timers(RequestLoan input) {
    return client.fetchHistory(LoanWorkflow.workflowId(input.loanId())).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
        .map(e -> e.getTimerStartedEventAttributes().getStartToFireTimeout())
        .map(d -> Duration.ofSeconds(d.getSeconds(), d.getNanos()))
        .toList();
  }

  /** When the loan's workflow completed, by the server's (skipped) clock. */
  private Instant completedAt(RequestLoan input) {
    HistoryEvent last = client.fetchHistory(LoanWorkflow.workflowId(input.loanId())).getLastEvent();
    assertThat(last.getEventType()).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
    return Instant.ofEpochSecond(last.getEventTime().getSeconds(), last.getEventTime().getNanos());
  }

  private WorkflowExecutionStatus executionStatus(RequestLoan input) {
    return WorkflowStub.fromTyped(running(input)).describe().getStatus();
  }

  /** What the credit line was repaid, by repayment key (local activities may run twice). */
  private Map<String, Long> repaidByKey() {
    return credit.repayments.stream()
        .collect(Collectors.toMap(r -> r.reason(), r -> r.amountCents(), (a, b) -> a));
  }

  private List<String> reinstatedKeys() {
    return credit.reinstated.stream().map(r -> r.reason()).distinct().toList();
  }

  private long count(String eventType) {
    return loans.eventTypes().stream().filter(eventType::equals).count();
  }

  /** The borrower's workflow, so that the loan's lateness signals reach something. */
  private void startBorrower(String borrowerId) {
    BorrowerWorkflow borrower =
        client.newWorkflowStub(
            BorrowerWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.LOANS)
                .setWorkflowId(BorrowerWorkflow.workflowId(borrowerId))
                .build());
    WorkflowClient.start(borrower::run, (OnboardBorrower) null);
  }

  private int historyLength(RequestLoan input) {
    return client
        .fetchHistory(LoanWorkflow.workflowId(input.loanId()))
        .getHistory()
        .getEventsCount();
  }

  @Test
  void aHappySddLoanIsPaidOutCollectedAndLeftForItsFees() {
    start(NOW);
    RequestLoan input = loan(TODAY, LocalDate.of(2026, 12, 27), true);

    LoanState decided = request(input);
    assertThat(decided.status())
        .isIn(
            LoanStatus.VALIDATED, LoanStatus.SCHEDULED, LoanStatus.INITIATED, LoanStatus.TO_REPAY);
    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(done.outstandingPrincipalCents()).isZero();
    assertThat(loans.eventTypes())
        .containsSubsequence(
            "loan.PENDING_VALIDATION",
            "loan.VALIDATED",
            "loan.SCHEDULED",
            "loan.INITIATED",
            "loan.TO_REPAY",
            "loan.DIRECT_DEBIT_INSTRUCTED",
            "loan.REPAYMENT_RECEIVED",
            "loan.TO_REPAY_FEES");
    assertThat(bank.of(PaymentType.PAYOUT)).hasSize(1);
    InstructPayment debit = bank.of(PaymentType.DIRECT_DEBIT).get(0);
    assertThat(bank.of(PaymentType.DIRECT_DEBIT)).hasSize(1);
    // Due Sunday 27 Dec: collected Monday 28 (25 and 26 closed), instructed 3 business days
    // before, Tuesday 22 December.
    assertThat(debit.executionDate()).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(LocalDate.ofInstant(debit.at(), PARIS)).isEqualTo(LocalDate.of(2026, 12, 22));
    assertThat(debit.amountCents()).isEqualTo(50_000);
    assertThat(debit.mandateReference()).isEqualTo("AVANCE-MANDATE");
    assertThat(credit.calls).containsExactly("reserve", "confirm", "repay");
    // The first task writes its four statuses at once, before the payout goes to the bank.
    assertThat(loans.batches.get(0)).isEqualTo(4);
    assertThat(loans.changes.subList(0, 4))
        .extracting(LoanStatusChange::status)
        .containsExactly(
            LoanStatus.PENDING_VALIDATION,
            LoanStatus.VALIDATED,
            LoanStatus.SCHEDULED,
            LoanStatus.INITIATED);
    int events = historyLength(input);
    System.out.println("History events, happy SDD loan: " + events);
    // 58: the version markers, the borrower checked again before the payout, and the wait for
    // billing's signal with the close it brings (a busy machine can split a workflow task); then
    // the contract's two activities beside the payout and their workflow tasks.
    assertThat(events).isLessThanOrEqualTo(75);
    // The debit's instruction day and the return window: wait_for_validation is bounded by the
    // caller, not a timer.
    assertThat(timers(input)).hasSize(2).last().isEqualTo(RETURN_WINDOW);
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v5-loan-sdd-happy");
  }

  @Test
  void aDueDateOnGoodFridayIsCollectedAfterEasterMonday() {
    start(Instant.parse("2027-03-01T08:00:00Z"));
    RequestLoan input = loan(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 26), true);

    request(input);
    result(input);

    InstructPayment debit = bank.of(PaymentType.DIRECT_DEBIT).get(0);
    assertThat(debit.executionDate())
        .isEqualTo(LocalDate.of(2027, 3, 30))
        .isEqualTo(TargetCalendar.collectionDate(LocalDate.of(2027, 3, 26)));
    assertThat(LocalDate.ofInstant(debit.at(), PARIS)).isEqualTo(LocalDate.of(2027, 3, 23));
  }

  @Test
  void anSctLoanWithAWalletIsCollectedFromItAndClosesAfterTheB2bWindow() {
    loans.assessment =
        new LoanAssessment(
            "READY",
            "ACTIVE",
            false,
            false,
            new RepaymentSetup(
                "SCT", "WALLET-MANDATE", "FR7612345000010001234567890", null, "FR76V"));
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);
    LoanState done = result(input);

    // The platform handles the repayment: it pays the interest, so the loan is CLOSED.
    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(bank.of(PaymentType.DIRECT_DEBIT))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.mandateReference()).isEqualTo("WALLET-MANDATE");
              assertThat(d.iban()).isEqualTo("FR7612345000010001234567890");
              assertThat(d.amountCents()).isEqualTo(50_000);
            });
    // A business debtor has no refund right: its window is days, not the CORE's eight weeks.
    assertThat(
            client.fetchHistory(LoanWorkflow.workflowId(input.loanId())).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
                .map(e -> e.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds())
                .toList())
        .contains(Duration.ofDays(5).toSeconds())
        .doesNotContain(Duration.ofDays(56).toSeconds());
  }

  @Test
  void anSctLoanRepaidByTransferBeforeItsDueDateCloses() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);
    env.sleep(Duration.ofDays(10));

    running(input).transferReceived(new TransferReceived("bank-1", 20_000, NOW));
    env.sleep(Duration.ofHours(1));
    assertThat(running(input).state().outstandingPrincipalCents()).isEqualTo(30_000);
    running(input).transferReceived(new TransferReceived("bank-2", 35_000, NOW));
    // The same bank reference again changes nothing.
    running(input).transferReceived(new TransferReceived("bank-1", 20_000, NOW));
    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(bank.of(PaymentType.DIRECT_DEBIT)).isEmpty();
    // Local activities run at least once; the key (the bank reference) makes them idempotent.
    assertThat(
            credit.repayments.stream()
                .collect(Collectors.toMap(r -> r.reason(), r -> r.amountCents(), (a, b) -> a)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("bank-1", 20_000L, "bank-2", 30_000L));
    assertThat(loans.eventTypes()).contains("loan.OVERPAYMENT_PARKED").doesNotContain("loan.LATE");
  }

  @Test
  void aLoanLateForSixtyDaysAddsNoEventsPerDay() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);

    env.sleep(Duration.ofDays(30 + 20));
    LoanState late = running(input).state();
    int at20DaysLate = historyLength(input);
    env.sleep(Duration.ofDays(39));
    int at59DaysLate = historyLength(input);
    // The last stage, DEFAULTED, at D+60; nothing after it.
    env.sleep(Duration.ofDays(2));
    int at61DaysLate = historyLength(input);
    env.sleep(Duration.ofDays(60));
    int at121DaysLate = historyLength(input);

    assertThat(late.late()).isTrue();
    assertThat(late.status()).isEqualTo(LoanStatus.TO_REPAY);
    assertThat(loans.eventTypes())
        .contains("loan.LATE", "loan.DUNNING_D1", "loan.DUNNING_D4", "loan.DUNNING_D15");
    assertThat(at59DaysLate).isEqualTo(at20DaysLate);
    assertThat(at61DaysLate).isGreaterThan(at59DaysLate);
    assertThat(at121DaysLate).isEqualTo(at61DaysLate);
    System.out.println("History events, loan 60 days late: " + at61DaysLate);

    running(input).transferReceived(new TransferReceived("bank-late", 50_000, NOW));
    assertThat(result(input).status()).isEqualTo(LoanStatus.CLOSED);
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v6-loan-sct-late-60-days");
  }

  @Test
  void aNewDefaultMethodAppliesToALoanWhoseDebitIsNotInstructed() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);
    env.sleep(Duration.ofDays(3));

    running(input).repaymentMethodChanged(FakeLoanActivities.SDD);
    LoanState done = result(input);

    assertThat(done.repaymentMethod()).isEqualTo("DIRECT_DEBIT");
    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(bank.of(PaymentType.DIRECT_DEBIT)).hasSize(1);
    assertThat(loans.eventTypes()).contains("loan.REPAYMENT_METHOD_CHANGED");
  }

  @Test
  void declinedWhenTheBorrowerHasNotSigned() {
    loans.assessment = new LoanAssessment("TO_SIGN", null, false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);

    LoanState state = request(input);

    assertThat(state.status()).isEqualTo(LoanStatus.DECLINED);
    assertThat(state.denialReason()).isEqualTo(DenialReason.BORROWER_TO_SIGN);
    assertThat(credit.calls).isEmpty();
    assertThat(bank.instructed).isEmpty();
  }

  @Test
  void declinedWhenTheDurationIsOver120Days() {
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(121), true);

    assertThat(request(input).denialReason())
        .isEqualTo(DenialReason.EXCESSIVE_DURATION_LOAN_REQUEST);
  }

  @Test
  void declinedWhenTheBorrowerIsLate() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", true, false, FakeLoanActivities.SCT);
    start(NOW);

    assertThat(request(loan(TODAY, TODAY.plusDays(30), true)).denialReason())
        .isEqualTo(DenialReason.LATE_REPAYMENT_BORROWER);
  }

  @Test
  void declinedWhenTheCreditLineCannotHoldTheAmount() {
    credit.refuseWith = FailureType.AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE.type();
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);

    LoanState state = request(input);

    assertThat(state.status()).isEqualTo(LoanStatus.DECLINED);
    assertThat(state.denialReason()).isEqualTo(DenialReason.AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE);
    assertThat(bank.instructed).isEmpty();
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v5-loan-declined");
  }

  @Test
  void withoutAutoValidationTheLoanWaitsForConsent() {
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), false);

    assertThat(request(input).status()).isEqualTo(LoanStatus.TO_VALIDATE);
    env.sleep(Duration.ofDays(2));
    LoanState validated = running(input).validate(new LoanCommand("v", null));

    assertThat(validated.status()).isNotEqualTo(LoanStatus.TO_VALIDATE);
    env.sleep(Duration.ofHours(1));
    assertThat(bank.of(PaymentType.PAYOUT)).hasSize(1);
  }

  @Test
  void anUnvalidatedLoanExpiresAfterSevenDaysAndReleasesItsCredit() {
    start(NOW);
    RequestLoan input = loan(TODAY.plusDays(10), TODAY.plusDays(40), false);
    request(input);

    LoanState expired = result(input);

    assertThat(expired.status()).isEqualTo(LoanStatus.DECLINED);
    assertThat(expired.denialReason()).isEqualTo(DenialReason.LOAN_REQUEST_EXPIRED);
    assertThat(credit.calls).containsExactly("reserve", "release");
  }

  @Test
  void aScheduledLoanCanBeCanceledUntilItsPayoutIsInstructed() {
    start(NOW);
    RequestLoan input = loan(TODAY.plusDays(5), TODAY.plusDays(40), true);
    request(input);
    env.sleep(Duration.ofDays(1));

    LoanState canceled = running(input).cancel(new LoanCommand("c", "platform"));

    assertThat(canceled.status()).isEqualTo(LoanStatus.CANCELED);
    assertThat(result(input).status()).isEqualTo(LoanStatus.CANCELED);
    assertThat(credit.calls).containsExactly("reserve", "release");
    assertThat(bank.instructed).isEmpty();
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v5-loan-canceled");
  }

  @Test
  void aLoanPaidOutCannotBeCanceled() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(40), true);
    request(input);
    env.sleep(Duration.ofHours(1));

    assertThatThrownBy(() -> running(input).cancel(new LoanCommand("c", "platform")))
        .isInstanceOf(WorkflowUpdateException.class);
    assertThat(running(input).state().status()).isEqualTo(LoanStatus.TO_REPAY);
  }

  @Test
  void aFailedPayoutIsAnIssueAndReleasesTheCredit() {
    bank.payoutOutcome = PaymentStatus.FAILED;
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);

    LoanState state = result(input);

    assertThat(state.status()).isEqualTo(LoanStatus.ISSUE_DETECTED);
    assertThat(credit.calls).containsExactly("reserve", "release");
  }

  @Test
  void aReturnedDirectDebitMakesTheLoanLateAndIsNotPresentedAgain() {
    bank.debitOutcome = PaymentStatus.RETURNED;
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);

    env.sleep(Duration.ofDays(45));
    LoanState state = running(input).state();

    assertThat(state.late()).isTrue();
    assertThat(bank.of(PaymentType.DIRECT_DEBIT)).hasSize(1);
    assertThat(loans.eventTypes()).contains("loan.DIRECT_DEBIT_RETURNED");
    running(input).transferReceived(new TransferReceived("bank-sct", 50_000, NOW));
    assertThat(result(input).status()).isEqualTo(LoanStatus.CLOSED);
  }

  @Test
  void theDueDateMovesThePendingTimersAndAPostponementIsAllowedOnce() {
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);
    env.sleep(Duration.ofDays(5));

    LoanState later = running(input).changeDueDate(new ChangeDueDate("p1", TODAY.plusDays(60)));
    assertThat(later.toRepayAt()).isEqualTo(TODAY.plusDays(60));
    assertThat(later.postponed()).isTrue();
    assertThatThrownBy(
            () -> running(input).changeDueDate(new ChangeDueDate("p2", TODAY.plusDays(70))))
        .isInstanceOf(WorkflowUpdateException.class);
    // Earlier is always allowed.
    running(input).changeDueDate(new ChangeDueDate("p3", TODAY.plusDays(50)));

    result(input);
    InstructPayment debit = bank.of(PaymentType.DIRECT_DEBIT).get(0);
    assertThat(debit.executionDate()).isEqualTo(TargetCalendar.collectionDate(TODAY.plusDays(50)));
    assertThat(bank.of(PaymentType.DIRECT_DEBIT)).hasSize(1);
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v5-loan-postponed");
  }

  @Test
  void aPostponementIsRefusedOnceTheDebitIsInstructed() {
    start(NOW);
    RequestLoan input = loan(TODAY, LocalDate.of(2026, 12, 27), true);
    bank.debitOutcome = PaymentStatus.RETURNED;
    request(input);
    // Past the instruction date (22 December), before collection.
    env.sleep(Duration.ofDays(26));

    assertThat(running(input).state().debitInstructed()).isTrue();
    assertThatThrownBy(
            () -> running(input).changeDueDate(new ChangeDueDate("p", LocalDate.of(2027, 1, 15))))
        .isInstanceOf(WorkflowUpdateException.class)
        .satisfies(
            e -> assertThat(refusal(e)).isEqualTo(LoanRefusal.DIRECT_DEBIT_ALREADY_INSTRUCTED));
  }

  @Test
  void aSaltIdReusedWithAnotherBodyIsRejected() {
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);

    LoanWorkflow stub = running(input);
    assertThatThrownBy(() -> stub.awaitDecision(new AwaitDecision("another-hash", false)))
        .isInstanceOf(WorkflowUpdateException.class);
    assertThat(stub.awaitDecision(new AwaitDecision("hash-1", false)).loanId())
        .isEqualTo(input.loanId());
  }

  @Test
  void aRepaidDirectDebitEndsTheLoanOnlyOnceItsReturnWindowHasPassed() {
    start(NOW);
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);

    // A month after the debit settled its debtor may still ask for the money back.
    env.sleep(UNTIL_DEBIT_INSTRUCTED.plusDays(30));
    assertThat(running(input).state().status()).isEqualTo(LoanStatus.TO_REPAY_FEES);
    assertThat(executionStatus(input))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(executionStatus(input))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    Instant debitSettled = bank.of(PaymentType.DIRECT_DEBIT).get(0).at();
    assertThat(completedAt(input)).isAfterOrEqualTo(debitSettled.plus(RETURN_WINDOW));
    assertThat(credit.calls).doesNotContain("reinstate");
    assertThat(loans.eventTypes()).doesNotContain("loan.DIRECT_DEBIT_RETURNED");
  }

  @Test
  void aTransferRepayingTheLoanWhileItsDebitIsPendingWithdrawsTheDebit() {
    bank.holdDebits = true;
    bank.cancelAnswer = PaymentStatus.CANCELED;
    start(NOW);
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);
    env.sleep(UNTIL_DEBIT_INSTRUCTED);
    assertThat(running(input).state().debitInstructed()).isTrue();
    String debitId = bank.of(PaymentType.DIRECT_DEBIT).get(0).paymentId();

    running(input).transferReceived(new TransferReceived("bank-sct", 50_000, NOW));
    env.sleep(Duration.ofHours(1));
    assertThat(bank.cancels).containsExactly(debitId);

    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(done.outstandingPrincipalCents()).isZero();
    assertThat(repaidByKey()).containsExactlyEntriesOf(Map.of("bank-sct", 50_000L));
    assertThat(loans.eventTypes())
        .containsSubsequence(
            "loan.DIRECT_DEBIT_INSTRUCTED",
            "loan.DIRECT_DEBIT_WITHDRAWAL_REQUESTED",
            "loan.DIRECT_DEBIT_WITHDRAWN",
            "loan.REPAYMENT_RECEIVED",
            "loan.TO_REPAY_FEES")
        .doesNotContain("loan.OVERPAYMENT_PARKED", "loan.LATE");
    assertThat(bank.cancels).hasSize(1);
    // A withdrawn debit can never be returned: nothing to watch for.
    assertThat(timers(input)).doesNotContain(RETURN_WINDOW);
    assertThat(completedAt(input)).isBefore(DUE.atStartOfDay(PARIS).toInstant());
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v5-loan-debit-withdrawn");
  }

  @Test
  void aWithdrawalTheBankRefusesLeavesTheTransfersAsOverpayments() {
    bank.holdDebits = true;
    bank.cancelAnswer = PaymentStatus.INSTRUCTED;
    start(NOW);
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);
    env.sleep(UNTIL_DEBIT_INSTRUCTED);
    String debitId = bank.of(PaymentType.DIRECT_DEBIT).get(0).paymentId();

    running(input).transferReceived(new TransferReceived("bank-sct-1", 50_000, NOW));
    env.sleep(Duration.ofHours(1));
    // Refused: the debit goes on and the loan keeps waiting for it.
    assertThat(bank.cancels).containsExactly(debitId);
    assertThat(running(input).state().status()).isEqualTo(LoanStatus.TO_REPAY);
    assertThat(running(input).state().outstandingPrincipalCents()).isEqualTo(50_000);
    // The withdrawal is asked once, whatever else arrives.
    running(input).transferReceived(new TransferReceived("bank-sct-2", 50_000, NOW));
    env.sleep(Duration.ofHours(1));
    assertThat(bank.cancels).hasSize(1);

    bank.debitOutcome = PaymentStatus.PAID;
    bank.releaseDebits();
    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(repaidByKey()).containsExactlyEntriesOf(Map.of(debitId, 50_000L));
    assertThat(count("loan.OVERPAYMENT_PARKED")).isEqualTo(2);
    assertThat(loans.eventTypes())
        .contains("loan.DIRECT_DEBIT_WITHDRAWAL_REQUESTED")
        .doesNotContain("loan.DIRECT_DEBIT_WITHDRAWN");
  }

  @Test
  void aPartialTransferWhileTheDebitIsPendingAsksNoWithdrawalEvenWhenToldTwice() {
    bank.holdDebits = true;
    start(NOW);
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);
    env.sleep(UNTIL_DEBIT_INSTRUCTED);
    String debitId = bank.of(PaymentType.DIRECT_DEBIT).get(0).paymentId();

    running(input).transferReceived(new TransferReceived("bank-part", 30_000, NOW));
    env.sleep(Duration.ofHours(1));
    assertThat(bank.cancels).isEmpty();
    // The relay delivers at least once: the same transfer again is still 300 EUR, not 600.
    running(input).transferReceived(new TransferReceived("bank-part", 30_000, NOW));
    env.sleep(Duration.ofHours(1));
    assertThat(bank.cancels).isEmpty();

    bank.debitOutcome = PaymentStatus.PAID;
    bank.releaseDebits();
    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(repaidByKey()).containsExactlyEntriesOf(Map.of(debitId, 50_000L));
    assertThat(count("loan.OVERPAYMENT_PARKED")).isEqualTo(1);
    assertThat(loans.eventTypes()).doesNotContain("loan.DIRECT_DEBIT_WITHDRAWAL_REQUESTED");
  }

  @Test
  void aDebitReturnedAfterTheDueDateReopensTheLoanLateUntilATransferRepaysIt() {
    start(NOW);
    startBorrower("borrower-1");
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);
    // Sunday 10 January 2027: the debit settled, the loan is past its due date.
    env.sleep(Duration.ofDays(44));
    assertThat(running(input).state().status()).isEqualTo(LoanStatus.TO_REPAY_FEES);
    String debitId = bank.of(PaymentType.DIRECT_DEBIT).get(0).paymentId();

    running(input)
        .debitReturned(new DebitReturned(debitId, "MD06", Instant.parse("2027-01-10T09:00:00Z")));
    env.sleep(Duration.ofHours(1));

    LoanState reopened = running(input).state();
    assertThat(reopened.status()).isEqualTo(LoanStatus.TO_REPAY);
    assertThat(reopened.late()).isTrue();
    assertThat(reopened.outstandingPrincipalCents()).isEqualTo(50_000);
    assertThat(reinstatedKeys()).containsExactly(debitId);
    assertThat(FakeBorrower.told).containsExactly(new LoanLateness(input.loanId(), true));
    // Not presented again, however long the borrower takes to pay.
    env.sleep(Duration.ofDays(10));
    assertThat(bank.of(PaymentType.DIRECT_DEBIT)).hasSize(1);

    running(input).transferReceived(new TransferReceived("bank-sct", 50_000, NOW));
    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(done.late()).isFalse();
    assertThat(bank.of(PaymentType.DIRECT_DEBIT)).hasSize(1);
    assertThat(reinstatedKeys()).containsExactly(debitId);
    assertThat(repaidByKey())
        .containsExactlyInAnyOrderEntriesOf(Map.of(debitId, 50_000L, "bank-sct", 50_000L));
    assertThat(FakeBorrower.told)
        .containsExactly(
            new LoanLateness(input.loanId(), true), new LoanLateness(input.loanId(), false));
    assertThat(loans.eventTypes())
        .containsSubsequence(
            "loan.REPAYMENT_RECEIVED",
            "loan.TO_REPAY_FEES",
            "loan.DIRECT_DEBIT_RETURNED",
            "loan.REPAYMENT_RECEIVED",
            "loan.TO_REPAY_FEES")
        .doesNotContain("loan.OVERPAYMENT_PARKED");
    assertThat(
            loans.changes.stream()
                .filter(c -> c.eventType().equals("loan.DIRECT_DEBIT_RETURNED"))
                .findFirst()
                .orElseThrow()
                .status())
        .isEqualTo(LoanStatus.TO_REPAY);
    Histories.record(
        client,
        LoanWorkflow.workflowId(input.loanId()),
        "v5-loan-debit-returned-repaid-by-transfer");
  }

  @Test
  void theSameReturnToldTwiceIsOneReturn() {
    start(NOW);
    startBorrower("borrower-1");
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);
    // Thursday 24 December: settled, and not yet due.
    env.sleep(Duration.ofDays(27));
    String debitId = bank.of(PaymentType.DIRECT_DEBIT).get(0).paymentId();
    DebitReturned returned =
        new DebitReturned(debitId, "MD06", Instant.parse("2026-12-24T09:00:00Z"));

    running(input).debitReturned(returned);
    running(input).debitReturned(returned);
    env.sleep(Duration.ofHours(1));

    LoanState reopened = running(input).state();
    assertThat(reopened.status()).isEqualTo(LoanStatus.TO_REPAY);
    assertThat(reopened.late()).isFalse();
    assertThat(reopened.outstandingPrincipalCents()).isEqualTo(50_000);
    assertThat(reinstatedKeys()).containsExactly(debitId);
    assertThat(count("loan.DIRECT_DEBIT_RETURNED")).isEqualTo(1);

    running(input).transferReceived(new TransferReceived("bank-sct", 50_000, NOW));
    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(count("loan.DIRECT_DEBIT_RETURNED")).isEqualTo(1);
    assertThat(reinstatedKeys()).containsExactly(debitId);
    assertThat(loans.eventTypes()).doesNotContain("loan.LATE", "loan.OVERPAYMENT_PARKED");
    assertThat(FakeBorrower.told).isEmpty();
  }

  @Test
  void aLoanRepaidByTransferWaitsForNoReturnWindow() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);
    env.sleep(Duration.ofDays(10));

    running(input).transferReceived(new TransferReceived("bank-sct", 50_000, NOW));
    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(timers(input)).doesNotContain(RETURN_WINDOW);
    assertThat(completedAt(input)).isBefore(NOW.plus(Duration.ofDays(11)));
  }

  @Test
  void aPolicyWithoutAReturnWindowEndsTheLoanOnceItsDebitIsCollected() {
    start(NOW);
    // The policy of loans started before the window existed.
    RequestLoan input = loan(TODAY, DUE, true, new LoanPolicy(7, 3, 20_000_000L, 0));
    request(input);

    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(timers(input)).hasSize(1);
    Instant debitSettled = bank.of(PaymentType.DIRECT_DEBIT).get(0).at();
    assertThat(completedAt(input)).isBefore(debitSettled.plus(Duration.ofDays(1)));
  }

  // ---- every rule at every step (version every-step-until-closed) ----

  @Test
  void consentGivenPastTheDueDateDeclinesTheLoanBeforeAnyPayout() {
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(2), false);
    assertThat(request(input).status()).isEqualTo(LoanStatus.TO_VALIDATE);
    env.sleep(Duration.ofDays(3));

    running(input).validate(new LoanCommand("v", null));
    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.DECLINED);
    assertThat(done.denialReason()).isEqualTo(DenialReason.EXCESSIVE_DURATION_LOAN_REQUEST);
    assertThat(bank.of(PaymentType.PAYOUT)).isEmpty();
    assertThat(credit.calls).containsExactly("reserve", "release");
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v5-loan-late-consent");
  }

  @Test
  void anApprovedLoanOfABorrowerGoneLateIsDeclinedBeforeItsPayout() {
    start(NOW);
    RequestLoan input = loan(TODAY.plusDays(5), TODAY.plusDays(40), true);
    assertThat(request(input).status()).isIn(LoanStatus.VALIDATED, LoanStatus.SCHEDULED);
    // Another loan of the borrower went late before this one's payout day.
    loans.assessment = new LoanAssessment("READY", "BLOCKED", true, false, FakeLoanActivities.SDD);

    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.DECLINED);
    assertThat(done.denialReason()).isEqualTo(DenialReason.LATE_REPAYMENT_BORROWER);
    assertThat(bank.of(PaymentType.PAYOUT)).isEmpty();
    assertThat(credit.calls).containsExactly("reserve", "release");
    assertThat(loans.eventTypes()).containsSubsequence("loan.SCHEDULED", "loan.DECLINED");
  }

  @Test
  void aLateLoanCannotBePostponedAndStaysLate() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);
    env.sleep(Duration.ofDays(33));
    assertThat(running(input).state().late()).isTrue();

    assertThatThrownBy(
            () -> running(input).changeDueDate(new ChangeDueDate("p", TODAY.plusDays(60))))
        .isInstanceOf(WorkflowUpdateException.class)
        .satisfies(e -> assertThat(refusal(e)).isEqualTo(LoanRefusal.LOAN_LATE));
    LoanState after = running(input).state();
    assertThat(after.late()).isTrue();
    assertThat(after.toRepayAt()).isEqualTo(TODAY.plusDays(30));
    assertThat(FakeBorrower.told).noneMatch(t -> !t.late());
  }

  @Test
  void aDebitThatCannotGetItsLeadIsCollectedWhenTheLeadAllowsAndSaysSo() {
    start(NOW);
    // Due Sunday 29 November, collected Monday 30: its instruction day (Wednesday 25) is past.
    RequestLoan input = loan(TODAY, TODAY.plusDays(2), true);
    request(input);
    LoanState done = result(input);

    InstructPayment debit = bank.of(PaymentType.DIRECT_DEBIT).get(0);
    // Three TARGET business days after Friday 27 November: Wednesday 2 December.
    assertThat(debit.executionDate()).isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(LocalDate.ofInstant(debit.at(), PARIS)).isEqualTo(TODAY);
    assertThat(loans.eventTypes())
        .containsSubsequence("loan.DIRECT_DEBIT_SHORT_NOTICE", "loan.DIRECT_DEBIT_INSTRUCTED")
        .doesNotContain("loan.LATE");
    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    // Collected after its due date by Avance's calendar, not the borrower's doing: on time.
    assertThat(lastChange(LoanStatus.TO_REPAY_FEES).repaidLate()).isFalse();
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v5-loan-sdd-short-notice");
  }

  @Test
  void aWeekendDueDateCollectedOnMondayIsRepaidOnTime() {
    start(NOW);
    // Due Sunday 27 December, collected Monday 28.
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);
    result(input);

    assertThat(bank.of(PaymentType.DIRECT_DEBIT).get(0).executionDate())
        .isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(lastChange(LoanStatus.TO_REPAY_FEES).repaidLate()).isFalse();
  }

  @Test
  void aReturnedDebitRepaidByTransferIsJudgedLate() {
    bank.debitOutcome = PaymentStatus.RETURNED;
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);
    env.sleep(Duration.ofDays(45));
    running(input).transferReceived(new TransferReceived("bank-sct", 50_000, NOW));
    result(input);

    assertThat(lastChange(LoanStatus.TO_REPAY_FEES).repaidLate()).isTrue();
  }

  @Test
  void aChangeToTheSameDueDateAddsNoEvents() {
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);
    env.sleep(Duration.ofDays(2));
    int before = loans.changes.size();

    LoanState same = running(input).changeDueDate(new ChangeDueDate("p1", TODAY.plusDays(30)));
    running(input).changeDueDate(new ChangeDueDate("p2", TODAY.plusDays(30)));
    env.sleep(Duration.ofHours(1));

    assertThat(same.toRepayAt()).isEqualTo(TODAY.plusDays(30));
    assertThat(same.postponed()).isFalse();
    assertThat(loans.changes).hasSize(before);
    assertThat(count("loan.DUE_DATE_CHANGED")).isZero();
  }

  @Test
  void aLoanWaitsForItsFeesAndEndsClosedWhenBillingSaysSo() {
    start(NOW);
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);
    // Past the debit and its return window: nothing but billing's signal moves it now.
    env.sleep(UNTIL_DEBIT_INSTRUCTED.plus(RETURN_WINDOW).plusDays(30));

    assertThat(executionStatus(input))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(running(input).state().status()).isEqualTo(LoanStatus.TO_REPAY_FEES);
    int waiting = historyLength(input);
    env.sleep(Duration.ofDays(90));
    // Waiting for billing costs no timer and no event.
    assertThat(historyLength(input)).isEqualTo(waiting);

    running(input).feesSettled(new FeesSettled("bill-1", NOW));
    LoanState done = WorkflowStub.fromTyped(running(input)).getResult(LoanState.class);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    LoanStatusChange closed = lastChange(LoanStatus.CLOSED);
    assertThat(closed.eventType()).isEqualTo("loan.CLOSED");
    // The key billing's own close writes, so that the event is delivered once.
    assertThat(closed.eventKey()).isEqualTo(input.loanId() + ":fees-paid");
    assertThat(
            WorkflowStub.fromTyped(running(input))
                .describe()
                .getTypedSearchAttributes()
                .get(dev.avance.workflows.common.AvanceSearchAttributes.LOAN_STATUS))
        .isEqualTo("CLOSED");
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v5-loan-fees-settled");
  }

  @Test
  void feesSettledBeforeTheRepaymentChangeNothing() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, TODAY.plusDays(30), true);
    request(input);
    env.sleep(Duration.ofDays(2));

    running(input).feesSettled(new FeesSettled("bill-early", NOW));
    env.sleep(Duration.ofHours(1));

    LoanState state = running(input).state();
    assertThat(state.status()).isEqualTo(LoanStatus.TO_REPAY);
    assertThat(state.outstandingPrincipalCents()).isEqualTo(50_000);
  }

  private LoanStatusChange lastChange(LoanStatus status) {
    List<LoanStatusChange> of = loans.changes.stream().filter(c -> c.status() == status).toList();
    assertThat(of).as("changes to " + status).isNotEmpty();
    return of.get(of.size() - 1);
  }

  /** The loan's delinquency events, each once (local activities may run twice), by Paris day. */
  private Map<String, LocalDate> stageEvents() {
    Map<String, LocalDate> days = new java.util.LinkedHashMap<>();
    Map<String, LoanStatusChange> byKey = new java.util.LinkedHashMap<>();
    for (LoanStatusChange change : loans.changes) {
      byKey.putIfAbsent(change.eventKey(), change);
    }
    for (LoanStatusChange change : byKey.values()) {
      if (change.eventType().startsWith("loan.DELINQUENCY_")) {
        assertThat(days.put(change.eventType(), LocalDate.ofInstant(change.at(), PARIS)))
            .as("one %s event", change.eventType())
            .isNull();
      }
    }
    return days;
  }

  /** The stage the read model was told last. */
  private DelinquencyStage lastStage() {
    return loans.changes.get(loans.changes.size() - 1).delinquencyStage();
  }

  @Test
  void aLateSctLoanMovesThroughEveryDelinquencyStageAtItsDay() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);

    env.sleep(Duration.ofDays(29));
    assertThat(stageEvents()).isEmpty();
    assertThat(lastStage()).isEqualTo(DelinquencyStage.CURRENT);
    env.sleep(Duration.ofDays(70));

    assertThat(stageEvents())
        .containsExactly(
            Map.entry("loan.DELINQUENCY_LATE", DUE.plusDays(1)),
            Map.entry("loan.DELINQUENCY_OVERDUE", DUE.plusDays(4)),
            Map.entry("loan.DELINQUENCY_COLLECTIONS", DUE.plusDays(15)),
            Map.entry("loan.DELINQUENCY_DEFAULTED", DUE.plusDays(60)));
    assertThat(lastStage()).isEqualTo(DelinquencyStage.DEFAULTED);
    // The reminders are still sent.
    assertThat(loans.eventTypes())
        .contains("loan.DUNNING_D1", "loan.DUNNING_D4", "loan.DUNNING_D15");

    running(input).transferReceived(new TransferReceived("bank-defaulted", 50_000, NOW));
    assertThat(result(input).status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(stageEvents()).containsKey("loan.DELINQUENCY_CURRENT");
    assertThat(lastStage()).isEqualTo(DelinquencyStage.CURRENT);
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v6-loan-sct-defaulted");
  }

  @Test
  void aLoanRepaidInFullAtDayTenStopsAtOverdueAndIsCurrentAgain() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);

    // D+10 at 09:00 in Paris.
    env.sleep(Duration.ofDays(30 + 10));
    assertThat(lastStage()).isEqualTo(DelinquencyStage.OVERDUE);
    running(input).transferReceived(new TransferReceived("bank-d10", 50_000, NOW));
    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(stageEvents())
        .containsExactly(
            Map.entry("loan.DELINQUENCY_LATE", DUE.plusDays(1)),
            Map.entry("loan.DELINQUENCY_OVERDUE", DUE.plusDays(4)),
            Map.entry("loan.DELINQUENCY_CURRENT", DUE.plusDays(10)));
    assertThat(lastStage()).isEqualTo(DelinquencyStage.CURRENT);
    Histories.record(
        client, LoanWorkflow.workflowId(input.loanId()), "v6-loan-sct-repaid-when-overdue");
  }

  @Test
  void aPartialRepaymentKeepsTheDelinquencyStage() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);

    env.sleep(Duration.ofDays(30 + 10));
    running(input).transferReceived(new TransferReceived("bank-part", 20_000, NOW));
    env.sleep(Duration.ofDays(10));

    assertThat(running(input).state().outstandingPrincipalCents()).isEqualTo(30_000);
    assertThat(stageEvents())
        .containsOnlyKeys(
            "loan.DELINQUENCY_LATE", "loan.DELINQUENCY_OVERDUE", "loan.DELINQUENCY_COLLECTIONS");
    assertThat(lastStage()).isEqualTo(DelinquencyStage.COLLECTIONS);
    assertThat(count("loan.REPAYMENT_RECEIVED")).isPositive();

    running(input).transferReceived(new TransferReceived("bank-rest", 30_000, NOW));
    assertThat(result(input).status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(lastStage()).isEqualTo(DelinquencyStage.CURRENT);
  }

  @Test
  void configuredDelinquencyDaysAreHonoured() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    LoanPolicy policy = new LoanPolicy(7, 3, 20_000_000L, 56, new DelinquencyDays(2, 5, 10, 20));
    RequestLoan input = loan(TODAY, DUE, true, policy);
    request(input);

    env.sleep(Duration.ofDays(30 + 30));

    assertThat(stageEvents())
        .containsExactly(
            Map.entry("loan.DELINQUENCY_LATE", DUE.plusDays(2)),
            Map.entry("loan.DELINQUENCY_OVERDUE", DUE.plusDays(5)),
            Map.entry("loan.DELINQUENCY_COLLECTIONS", DUE.plusDays(10)),
            Map.entry("loan.DELINQUENCY_DEFAULTED", DUE.plusDays(20)));
    // Late from D+1 all the same: the stages are collections', not the lateness.
    assertThat(loans.changes.stream().filter(c -> "loan.LATE".equals(c.eventType())).findFirst())
        .get()
        .extracting(c -> LocalDate.ofInstant(c.at(), PARIS))
        .isEqualTo(DUE.plusDays(1));
    running(input).transferReceived(new TransferReceived("bank-conf", 50_000, NOW));
    assertThat(result(input).status()).isEqualTo(LoanStatus.CLOSED);
  }

  @Test
  @org.junit.jupiter.api.Timeout(180)
  void aLongLateLoanContinuesAsNewCarryingItsStateAndLosesNoSignal() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    LoanPolicy shortHistories = new LoanPolicy(7, 3, 20_000_000L, 56, DelinquencyDays.DEFAULT, 30);
    RequestLoan input = loan(TODAY, DUE, true, shortHistories);
    request(input);
    String workflowId = LoanWorkflow.workflowId(input.loanId());

    // D+10: late, OVERDUE, two reminders, and more history than one run may hold.
    env.sleep(Duration.ofDays(30 + 10));
    assertThat(continuedFrom(workflowId)).as("a run continued as new").isNotEmpty();
    LoanState midway = running(input).state();
    assertThat(midway.status()).isEqualTo(LoanStatus.TO_REPAY);
    assertThat(midway.late()).isTrue();
    assertThat(midway.toRepayAt()).isEqualTo(DUE);
    assertThat(midway.outstandingPrincipalCents()).isEqualTo(50_000);
    assertThat(midway.paidAt()).isNotNull();
    assertThat(lastStage()).isEqualTo(DelinquencyStage.OVERDUE);
    // Updates to the workflow id reach the latest run, with the state it carried: still late.
    assertThatThrownBy(() -> running(input).changeDueDate(new ChangeDueDate("p", DUE.plusDays(60))))
        .isInstanceOf(WorkflowUpdateException.class)
        .satisfies(e -> assertThat(refusal(e)).isEqualTo(LoanRefusal.LOAN_LATE));

    // Two transfers back to back: whichever run takes them in, both are applied, once each.
    String before = WorkflowStub.fromTyped(running(input)).getExecution().getRunId();
    running(input).transferReceived(new TransferReceived("part-1", 10_000, NOW));
    running(input).transferReceived(new TransferReceived("part-2", 10_000, NOW));
    for (int look = 0;
        look < 200 && running(input).state().outstandingPrincipalCents() > 30_000;
        look++) {
      env.sleep(Duration.ofMinutes(1));
    }
    assertThat(running(input).state().outstandingPrincipalCents()).isEqualTo(30_000);
    env.sleep(Duration.ofDays(60));
    assertThat(WorkflowStub.fromTyped(running(input)).describe().getExecution().getRunId())
        .as("later runs")
        .isNotEqualTo(before);
    assertThat(stageEvents())
        .containsExactly(
            Map.entry("loan.DELINQUENCY_LATE", DUE.plusDays(1)),
            Map.entry("loan.DELINQUENCY_OVERDUE", DUE.plusDays(4)),
            Map.entry("loan.DELINQUENCY_COLLECTIONS", DUE.plusDays(15)),
            Map.entry("loan.DELINQUENCY_DEFAULTED", DUE.plusDays(60)));
    assertThat(running(input).state().late()).isTrue();

    running(input).transferReceived(new TransferReceived("rest", 30_000, NOW));
    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(done.outstandingPrincipalCents()).isZero();
    assertThat(done.toRepayAt()).isEqualTo(DUE);
    assertThat(lastStage()).isEqualTo(DelinquencyStage.CURRENT);
    // Nothing told twice across the runs: one registration, one LATE, each reminder once.
    assertThat(loans.registered).hasSize(1);
    // (A key told twice is one event in the read model; a key reused for another event is not.)
    Map<String, Set<String>> typesByKey =
        loans.changes.stream()
            .collect(
                Collectors.groupingBy(
                    LoanStatusChange::eventKey,
                    Collectors.mapping(LoanStatusChange::eventType, Collectors.toSet())));
    assertThat(typesByKey.values()).allSatisfy(types -> assertThat(types).hasSize(1));
    Map<String, Long> keysByType =
        typesByKey.values().stream()
            .map(types -> types.iterator().next())
            .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    assertThat(keysByType)
        .containsEntry("loan.LATE", 1L)
        .containsEntry("loan.TO_REPAY", 1L)
        .containsEntry("loan.DUNNING_D1", 1L)
        .containsEntry("loan.DUNNING_D15", 1L);
    assertThat(repaidByKey())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("part-1", 10_000L, "part-2", 10_000L, "rest", 30_000L));
    // The last run, which started from the carried state.
    Histories.record(client, workflowId, "v7-loan-continued-as-new");
  }

  @Test
  void aWrittenOffLoanStopsChasingAndClosesWhenRecovered() {
    loans.assessment = new LoanAssessment("READY", "ACTIVE", false, false, FakeLoanActivities.SCT);
    start(NOW);
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);

    // D+10: OVERDUE, reminded at D+1 and D+4.
    env.sleep(Duration.ofDays(30 + 10));
    assertThat(lastStage()).isEqualTo(DelinquencyStage.OVERDUE);
    int timersBefore = timers(input).size();
    running(input).writtenOff(new WrittenOff(NOW));
    // The service resends it after a retry: one write-off all the same.
    running(input).writtenOff(new WrittenOff(NOW));
    env.sleep(Duration.ofDays(60));

    assertThat(count("loan.WRITTEN_OFF")).isEqualTo(1);
    assertThat(lastChange(LoanStatus.TO_REPAY).eventKey())
        .isEqualTo(input.loanId() + ":written_off");
    // No more reminders, stages or timers.
    assertThat(loans.eventTypes())
        .doesNotContain(
            "loan.DUNNING_D15", "loan.DELINQUENCY_COLLECTIONS", "loan.DELINQUENCY_DEFAULTED");
    assertThat(timers(input)).hasSize(timersBefore);
    LoanState state = running(input).state();
    assertThat(state.status()).isEqualTo(LoanStatus.TO_REPAY);
    assertThat(state.late()).isTrue();
    assertThat(state.outstandingPrincipalCents()).isEqualTo(50_000);

    // Recovery money is still applied (the books make it recovery income), and ends the loan.
    running(input).transferReceived(new TransferReceived("recovered", 50_000, NOW));
    LoanState done = result(input);
    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(repaidByKey()).containsEntry("recovered", 50_000L);
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v7-loan-written-off");
  }

  @Test
  void aWrittenOffSddLoanSendsNoDebitAndClosesWithoutWaitingForFees() {
    start(NOW);
    RequestLoan input = loan(TODAY, DUE, true);
    request(input);
    env.sleep(Duration.ofDays(5));

    running(input).writtenOff(new WrittenOff(NOW));
    // Past the day its debit would have gone to the bank.
    env.sleep(UNTIL_DEBIT_INSTRUCTED);
    assertThat(bank.of(PaymentType.DIRECT_DEBIT)).isEmpty();
    assertThat(running(input).state().debitInstructed()).isFalse();

    running(input).transferReceived(new TransferReceived("recovered", 50_000, NOW));
    // Its interest was written off with it: CLOSED, not TO_REPAY_FEES.
    assertThat(WorkflowStub.fromTyped(running(input)).getResult(LoanState.class).status())
        .isEqualTo(LoanStatus.CLOSED);
    assertThat(count("loan.TO_REPAY_FEES")).isZero();
  }

  /** The run the latest run of the workflow continued from; empty for a first run. */
  private String continuedFrom(String workflowId) {
    return client
        .fetchHistory(workflowId)
        .getEvents()
        .get(0)
        .getWorkflowExecutionStartedEventAttributes()
        .getContinuedExecutionRunId();
  }

  /** The typed refusal an update was refused with, as the API reads it. */
  static LoanRefusal refusal(Throwable thrown) {
    return LoanRefusal.of(thrown);
  }

  @Test
  void aValidatedLoanIssuesItsContractOnceAndMailsItEvenWhenTheMailServerWasDown() {
    start(NOW);
    documents.mailFailures = 2;
    RequestLoan input = loan(TODAY, LocalDate.of(2026, 12, 27), true);

    request(input);
    LoanState done = result(input);

    assertThat(done.status()).isEqualTo(LoanStatus.CLOSED);
    assertThat(documents.issued)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.loanId()).isEqualTo(input.loanId());
              assertThat(c.borrowerId()).isEqualTo("borrower-1");
              assertThat(c.validatedAt()).isBetween(NOW, NOW.plusSeconds(60));
            });
    assertThat(documents.mailed).containsExactly("doc-" + input.loanId());
    Histories.record(client, LoanWorkflow.workflowId(input.loanId()), "v8-loan-contract");
  }

  @Test
  void aDeclinedLoanHasNoContract() {
    start(NOW);
    credit.refuseWith = FailureType.CREDIT_LINE_BLOCKED.type();
    RequestLoan input = loan(TODAY, LocalDate.of(2026, 12, 27), true);

    assertThat(request(input).status()).isEqualTo(LoanStatus.DECLINED);
    result(input);

    assertThat(documents.issued).isEmpty();
  }
}
