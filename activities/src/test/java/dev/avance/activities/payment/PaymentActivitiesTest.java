package dev.avance.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.MutableClock;
import dev.avance.activities.MutableClockConfiguration;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.bank.BankDirection;
import dev.avance.activities.bank.BankInstruction;
import dev.avance.activities.bank.BankTransfer;
import dev.avance.activities.bank.BankTransferStatus;
import dev.avance.activities.bank.SimulatedSepaBank;
import dev.avance.activities.platform.Environment;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentRef;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@link PaymentActivitiesImpl} and {@link PaymentRepository} on a real PostgreSQL with the {@link
 * SimulatedSepaBank} and a clock the test moves. The activity is the Spring bean, behind its
 * {@code @Transactional} proxy as in production.
 */
@SpringBootTest(
    classes = {CreditTestApplication.class, MutableClockConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.flyway.locations=classpath:db/migration",
      // More connections than racing callers: all 20 instructs really reach PostgreSQL at once.
      "spring.datasource.hikari.maximum-pool-size=30"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PaymentActivitiesTest extends RealPostgresTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String PLATFORM = "plat-a";
  private static final String OTHER_PLATFORM = "plat-b";
  private static final String BORROWER = "b-1";
  private static final String OTHER_BORROWER = "b-2";
  private static final String IBAN = "FR7630006000011234567890189";
  private static final String BIC = "AGRIFRPP";
  private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 11);
  private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 13);
  private static final LocalDate SATURDAY = LocalDate.of(2026, 3, 14);
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 16);
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456Z");

  @Autowired private PaymentActivities activities;
  @Autowired private PaymentRepository repository;
  @Autowired private SimulatedSepaBank bank;
  @Autowired private MutableClock clock;
  @Autowired private JdbcClient jdbc;
  private TestRows rows;

  @BeforeEach
  void cleanSlate() {
    rows = new TestRows(jdbc);
    jdbc.sql(
            "truncate table payments, bank_transfers, bank_incoming_credits, borrowers, platforms"
                + " cascade")
        .update();
    rows.platform(PLATFORM, Environment.SANDBOX);
    rows.platform(OTHER_PLATFORM, Environment.SANDBOX);
    rows.borrower(BORROWER, PLATFORM, "ACTIVE", null, T0);
    rows.borrower(OTHER_BORROWER, OTHER_PLATFORM, "ACTIVE", null, T0);
    clock.setParis(WEDNESDAY, LocalTime.of(10, 0));
  }

  @Test
  void theActivityIsTheTransactionalProxy() {
    assertThat(AopUtils.isAopProxy(activities)).isTrue();
    assertThat(AopUtils.getTargetClass(activities)).isEqualTo(PaymentActivitiesImpl.class);
  }

  // ---------------------------------------------------------------------------------------------
  // instruct: at most once to the bank (DESIGN.md §6, invariant 3)

  /** Repeated because a race that passes once proves little. */
  @RepeatedTest(3)
  void twentyConcurrentInstructsOfOnePaymentSendItToTheBankOnce() throws Exception {
    InstructPayment command = payout("loan-1", PLATFORM, 250_000, MONDAY);
    int callers = 20;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<PaymentView>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return activities.instruct(command);
                }));
      }
      start.countDown();
      List<PaymentView> views = new ArrayList<>();
      for (Future<PaymentView> future : futures) {
        views.add(future.get(30, TimeUnit.SECONDS));
      }

      assertThat(views).hasSize(callers);
      assertThat(views).allSatisfy(view -> assertThat(view).isEqualTo(views.get(0)));
      assertThat(views.get(0).status()).isEqualTo(PaymentStatus.INSTRUCTED);
      assertThat(views.get(0).instructedAt()).isEqualTo(T0);
      assertThat(count("bank_transfers", "loan-1:payout")).isEqualTo(1);
      assertThat(count("payments", "loan-1:payout")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aReplayedInstructReturnsTheRecordedPaymentUnchangedAndDoesNotCallTheBankAgain() {
    PaymentView first = activities.instruct(payout("loan-1", PLATFORM, 250_000, MONDAY));
    BankTransfer sent = bank.transfer("loan-1:payout").orElseThrow();
    clock.advance(Duration.ofMinutes(5));

    PaymentView replay =
        activities.instruct(
            new InstructPayment(
                "loan-1:payout",
                "loan-1",
                PLATFORM,
                BORROWER,
                PaymentType.PAYOUT,
                999_999,
                "DE89370400440532013000",
                null,
                null,
                "RF-other",
                FRIDAY,
                T0.plusSeconds(60)));

    assertThat(replay).isEqualTo(first);
    assertThat(bank.transfers("loan-1")).containsExactly(sent);
  }

  @Test
  void aPaymentIdReusedForAnotherLoanFailsWithInvalidState() {
    activities.instruct(payout("loan-1", PLATFORM, 250_000, MONDAY));

    InstructPayment reuse =
        new InstructPayment(
            "loan-1:payout",
            "loan-2",
            PLATFORM,
            BORROWER,
            PaymentType.PAYOUT,
            250_000,
            IBAN,
            BIC,
            null,
            null,
            MONDAY,
            T0);
    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> activities.instruct(reuse));

    assertThat(failure.getType()).isEqualTo(FailureType.INVALID_STATE.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(bank.transfers("loan-1")).hasSize(1);
  }

  /**
   * With a real bank, the bank may accept the instruction and the activity crash before its
   * transaction commits: the retried activity finds no payment row and submits again. The bank's
   * idempotency by payment id turns that second submit into a no-op.
   */
  @Test
  void aRetryAfterTheBankAcceptedButBeforeTheCommitSendsNothingTwice() {
    InstructPayment command = payout("loan-1", PLATFORM, 250_000, MONDAY);
    bank.submit(
        new BankInstruction(
            "loan-1:payout", BankDirection.OUT, 250_000, IBAN, BIC, null, "RF-loan-1", MONDAY));
    assertThat(repository.findByLoan(PLATFORM, "loan-1")).isEmpty();

    PaymentView view = activities.instruct(command);

    assertThat(view.status()).isEqualTo(PaymentStatus.INSTRUCTED);
    assertThat(bank.transfers("loan-1")).hasSize(1);
    clock.setParis(MONDAY, LocalTime.NOON);
    assertThat(activities.awaitOutcome(ref("loan-1:payout")).status())
        .isEqualTo(PaymentStatus.PAID);
  }

  @Test
  void malformedCommandsFailWithoutRetryAndRecordNothing() {
    InstructPayment incoming =
        new InstructPayment(
            "loan-1:in:1",
            "loan-1",
            PLATFORM,
            BORROWER,
            PaymentType.INCOMING_TRANSFER,
            1_000,
            IBAN,
            null,
            null,
            null,
            null,
            T0);
    InstructPayment debitWithoutMandate =
        new InstructPayment(
            "loan-1:debit:1",
            "loan-1",
            PLATFORM,
            BORROWER,
            PaymentType.DIRECT_DEBIT,
            1_000,
            IBAN,
            BIC,
            null,
            null,
            MONDAY,
            T0);
    InstructPayment zero = payout("loan-1", PLATFORM, 0, MONDAY);

    for (InstructPayment command : List.of(incoming, debitWithoutMandate, zero)) {
      ApplicationFailure failure =
          catchThrowableOfType(ApplicationFailure.class, () -> activities.instruct(command));
      assertThat(failure.getType()).isEqualTo(IllegalArgumentException.class.getName());
      assertThat(failure.isNonRetryable()).isTrue();
    }
    assertThat(repository.findByLoan(PLATFORM, "loan-1")).isEmpty();
    assertThat(bank.transfers("loan-1")).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // awaitOutcome

  @Test
  void aPayoutExecutedTodayIsPaidAtOnce() {
    Instant now = clock.instant();
    PaymentView instructed = activities.instruct(payout("loan-1", PLATFORM, 250_000, WEDNESDAY));

    PaymentView view = activities.awaitOutcome(ref("loan-1:payout"));

    // Settled on receipt: instruct already answers PAID, and asking again changes nothing.
    assertThat(instructed).isEqualTo(view);
    assertThat(activities.instruct(payout("loan-1", PLATFORM, 250_000, WEDNESDAY))).isEqualTo(view);
    assertThat(view.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(view.paidAt()).isEqualTo(now);
    assertThat(view.failureReason()).isNull();
    assertThat(activities.awaitOutcome(ref("loan-1:payout"))).isEqualTo(view);
    assertThat(repository.findByLoan(PLATFORM, "loan-1")).containsExactly(view);
  }

  @Test
  void aPayoutForNextMondayAskedOnFridayIsPendingUntilMonday() {
    clock.setParis(FRIDAY, LocalTime.of(15, 0));
    activities.instruct(payout("loan-1", PLATFORM, 250_000, MONDAY));

    assertStillPending("loan-1:payout");
    clock.setParis(SATURDAY, LocalTime.NOON);
    assertStillPending("loan-1:payout");
    clock.setParis(MONDAY.minusDays(1), LocalTime.of(23, 59));
    assertStillPending("loan-1:payout");
    assertThat(repository.findByLoan(PLATFORM, "loan-1").get(0).status())
        .isEqualTo(PaymentStatus.INSTRUCTED);

    clock.setParis(MONDAY, LocalTime.of(9, 0));
    PaymentView view = activities.awaitOutcome(ref("loan-1:payout"));

    assertThat(view.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(view.paidAt()).isEqualTo(parisMidnight(MONDAY));
  }

  @Test
  void aPayoutDueOnGoodFridayIsPaidOnTheTuesdayAfterEasterMonday() {
    clock.setParis(LocalDate.of(2026, 4, 1), LocalTime.of(9, 0));
    activities.instruct(payout("loan-1", PLATFORM, 250_000, LocalDate.of(2026, 4, 3)));

    for (int day = 3; day <= 6; day++) {
      clock.setParis(LocalDate.of(2026, 4, day), LocalTime.of(17, 0));
      assertStillPending("loan-1:payout");
    }
    clock.setParis(LocalDate.of(2026, 4, 7), LocalTime.of(9, 0));
    PaymentView view = activities.awaitOutcome(ref("loan-1:payout"));

    assertThat(view.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(view.paidAt()).isEqualTo(parisMidnight(LocalDate.of(2026, 4, 7)));
  }

  @Test
  void aPayoutTheBankRejectsFailsWithTheReason() {
    activities.instruct(payout("loan-1", PLATFORM, 250_000, MONDAY));

    bank.failPayout("loan-1:payout", "AC04 account closed");
    PaymentView view = activities.awaitOutcome(ref("loan-1:payout"));

    assertThat(view.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(view.failureReason()).isEqualTo("AC04 account closed");
    assertThat(view.paidAt()).isNull();
    clock.setParis(MONDAY, LocalTime.NOON);
    assertThat(activities.awaitOutcome(ref("loan-1:payout"))).isEqualTo(view);
    assertThat(activities.cancel(ref("loan-1:payout"))).isEqualTo(view);
  }

  @Test
  void aDirectDebitReturnedWithAm04IsReturnedWithTheCode() {
    activities.instruct(debit("loan-1", 1, PLATFORM, 251_000, FRIDAY));
    clock.setParis(FRIDAY, LocalTime.NOON);
    PaymentView paid = activities.awaitOutcome(ref("loan-1:debit:1"));
    assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);

    clock.setParis(MONDAY.plusDays(1), LocalTime.NOON);
    bank.returnDirectDebit("loan-1:debit:1", "AM04");
    PaymentView returned = activities.awaitOutcome(ref("loan-1:debit:1"));

    assertThat(returned.status()).isEqualTo(PaymentStatus.RETURNED);
    assertThat(returned.failureReason()).isEqualTo("AM04");
    assertThat(returned.paidAt()).isEqualTo(paid.paidAt());
    assertThat(repository.findByLoan(PLATFORM, "loan-1")).containsExactly(returned);
  }

  @Test
  void aDirectDebitIsCollectedOnItsCollectionDate() {
    activities.instruct(debit("loan-1", 1, PLATFORM, 251_000, MONDAY));

    clock.setParis(FRIDAY, LocalTime.of(23, 0));
    assertStillPending("loan-1:debit:1");
    clock.setParis(MONDAY, LocalTime.of(6, 0));
    PaymentView view = activities.awaitOutcome(ref("loan-1:debit:1"));

    assertThat(view.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(view.type()).isEqualTo(PaymentType.DIRECT_DEBIT);
    assertThat(view.paidAt()).isEqualTo(parisMidnight(MONDAY));
    assertThat(view.executionDate()).isEqualTo(MONDAY);
  }

  @Test
  void anUnknownPaymentFailsWithInvalidStateWithoutRetry() {
    ApplicationFailure await =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.awaitOutcome(ref("loan-9:payout")));
    ApplicationFailure cancel =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.cancel(ref("loan-9:payout")));

    for (ApplicationFailure failure : List.of(await, cancel)) {
      assertThat(failure.getType()).isEqualTo(FailureType.INVALID_STATE.type());
      assertThat(failure.isNonRetryable()).isTrue();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // cancel

  @Test
  void aDebitCanceledBeforeItsDateIsNeverExecutedAndCancelTwiceIsHarmless() {
    activities.instruct(debit("loan-1", 1, PLATFORM, 251_000, MONDAY));

    PaymentView canceled = activities.cancel(ref("loan-1:debit:1"));
    clock.advance(Duration.ofMinutes(1));
    PaymentView again = activities.cancel(ref("loan-1:debit:1"));

    assertThat(canceled.status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(canceled.paidAt()).isNull();
    assertThat(again).isEqualTo(canceled);
    assertThat(bank.transfer("loan-1:debit:1").orElseThrow().status())
        .isEqualTo(BankTransferStatus.WITHDRAWN);

    clock.setParis(MONDAY.plusDays(10), LocalTime.NOON);
    assertThat(activities.awaitOutcome(ref("loan-1:debit:1"))).isEqualTo(canceled);
    BankTransfer transfer = bank.transfer("loan-1:debit:1").orElseThrow();
    assertThat(transfer.status()).isEqualTo(BankTransferStatus.WITHDRAWN);
    assertThat(transfer.settledAt()).isNull();
    assertThat(bank.outcome("loan-1:debit:1").status()).isEqualTo(BankTransferStatus.WITHDRAWN);
  }

  @Test
  void aCancelAfterSettlementLeavesThePaymentPaid() {
    activities.instruct(debit("loan-1", 1, PLATFORM, 251_000, MONDAY));
    clock.setParis(MONDAY, LocalTime.NOON);
    PaymentView paid = activities.awaitOutcome(ref("loan-1:debit:1"));

    PaymentView afterCancel = activities.cancel(ref("loan-1:debit:1"));

    assertThat(afterCancel).isEqualTo(paid);
    assertThat(afterCancel.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(bank.transfer("loan-1:debit:1").orElseThrow().status())
        .isEqualTo(BankTransferStatus.SETTLED);
  }

  @Test
  void aCancelOfADebitWhoseDayHasComeFindsItPaidEvenIfNobodyAskedBefore() {
    activities.instruct(debit("loan-1", 1, PLATFORM, 251_000, MONDAY));
    activities.instruct(payout("loan-2", PLATFORM, 100_000, WEDNESDAY));
    clock.setParis(MONDAY, LocalTime.of(0, 5));

    PaymentView debit = activities.cancel(ref("loan-1:debit:1"));
    PaymentView instantPayout = activities.cancel(ref("loan-2:payout"));

    assertThat(debit.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(debit.paidAt()).isEqualTo(parisMidnight(MONDAY));
    assertThat(instantPayout.status()).isEqualTo(PaymentStatus.PAID);
  }

  // ---------------------------------------------------------------------------------------------
  // Read side

  @Test
  void findByLoanNeverReturnsAnotherPlatformsPayments() {
    PaymentView payout = activities.instruct(payout("loan-1", PLATFORM, 250_000, MONDAY));
    clock.advance(Duration.ofSeconds(1));
    PaymentView debit =
        activities.instruct(debit("loan-1", 1, PLATFORM, 251_000, MONDAY.plusDays(30)));
    activities.instruct(
        new InstructPayment(
            "loan-2:payout",
            "loan-2",
            OTHER_PLATFORM,
            OTHER_BORROWER,
            PaymentType.PAYOUT,
            10_000,
            IBAN,
            BIC,
            null,
            null,
            MONDAY,
            T0));
    // Loan ids are unique, but the scope must not rely on it: the same loan id on another platform.
    activities.instruct(
        new InstructPayment(
            "loan-1:other",
            "loan-1",
            OTHER_PLATFORM,
            OTHER_BORROWER,
            PaymentType.PAYOUT,
            20_000,
            IBAN,
            BIC,
            null,
            null,
            MONDAY,
            T0));

    assertThat(repository.findByLoan(PLATFORM, "loan-1"))
        .extracting(PaymentView::paymentId)
        .containsExactlyInAnyOrder(payout.paymentId(), debit.paymentId());
    assertThat(repository.findByLoan(OTHER_PLATFORM, "loan-1"))
        .extracting(PaymentView::paymentId)
        .containsExactly("loan-1:other");
    assertThat(repository.findByLoan(PLATFORM, "loan-2")).isEmpty();
    assertThat(repository.findByLoan(OTHER_PLATFORM, "loan-2")).hasSize(1);
    assertThat(repository.findById(PLATFORM, "loan-2:payout")).isEmpty();
    assertThat(repository.findById(OTHER_PLATFORM, "loan-2:payout")).isPresent();
    assertThat(repository.findById(PLATFORM, "loan-1:payout")).contains(payout);
  }

  // ---------------------------------------------------------------------------------------------

  private void assertStillPending(String paymentId) {
    Throwable thrown = catchThrowable(() -> activities.awaitOutcome(ref(paymentId)));
    // A plain exception: retryable under the workflow's retry policy.
    assertThat(thrown)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("payment " + paymentId + " is still pending");
  }

  private static InstructPayment payout(
      String loanId, String platformId, long amountCents, LocalDate executionDate) {
    return new InstructPayment(
        loanId + ":payout",
        loanId,
        platformId,
        platformId.equals(PLATFORM) ? BORROWER : OTHER_BORROWER,
        PaymentType.PAYOUT,
        amountCents,
        IBAN,
        BIC,
        null,
        "RF-" + loanId,
        executionDate,
        T0);
  }

  private static InstructPayment debit(
      String loanId, int sequence, String platformId, long amountCents, LocalDate collectionDate) {
    return new InstructPayment(
        loanId + ":debit:" + sequence,
        loanId,
        platformId,
        platformId.equals(PLATFORM) ? BORROWER : OTHER_BORROWER,
        PaymentType.DIRECT_DEBIT,
        amountCents,
        IBAN,
        BIC,
        "MNDT-" + loanId,
        "RF-" + loanId,
        collectionDate,
        T0);
  }

  private static PaymentRef ref(String paymentId) {
    return new PaymentRef(paymentId);
  }

  private long count(String table, String paymentId) {
    return jdbc.sql("select count(*) from " + table + " where payment_id = :id")
        .param("id", paymentId)
        .query(Long.class)
        .single();
  }

  private static Instant parisMidnight(LocalDate date) {
    return ZonedDateTime.of(date, LocalTime.MIDNIGHT, PARIS).toInstant();
  }
}
