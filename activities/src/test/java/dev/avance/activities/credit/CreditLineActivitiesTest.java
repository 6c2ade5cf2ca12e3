package dev.avance.activities.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.ledger.LedgerFacts;
import dev.avance.activities.platform.Environment;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.CreditLineStatus;
import dev.avance.workflows.credit.CreditLineView;
import dev.avance.workflows.credit.OpenCreditLine;
import dev.avance.workflows.credit.Reservation;
import dev.avance.workflows.credit.ReservationChange;
import dev.avance.workflows.credit.ReservationStatus;
import dev.avance.workflows.credit.ReserveCredit;
import dev.avance.workflows.credit.SetCreditLineStatus;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link CreditLineActivitiesImpl} and the read side of {@link CreditLineRepository} on a real
 * PostgreSQL (one embedded server for this class, migrated by Flyway from classpath:db/migration
 * when the Spring context starts). The activity is the Spring bean, so every call runs through its
 * {@code @Transactional} proxy as in production; the row lock that serializes reservations lives
 * exactly as long as that transaction.
 */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.flyway.locations=classpath:db/migration",
      // More connections than racing callers: all 50 reservations really reach PostgreSQL at once.
      "spring.datasource.hikari.maximum-pool-size=60"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CreditLineActivitiesTest extends RealPostgresTest {
  private static final String PLATFORM = "plat-a";
  private static final String OTHER_PLATFORM = "plat-b";
  private static final String BORROWER = "b-1";
  private static final String OTHER_BORROWER = "b-2";
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456Z");
  private static final Instant EXPIRES = Instant.parse("2026-03-01T00:00:00Z");
  private static final long TEN_THOUSAND_EUROS = 1_000_000;
  private static final long ONE_THOUSAND_EUROS = 100_000;

  @Autowired private CreditLineActivities activities;
  @Autowired private CreditLineRepository repository;
  @Autowired private JdbcClient jdbc;
  @Autowired private LedgerFacts books;
  @Autowired private PlatformTransactionManager transactions;
  private TestRows rows;

  @BeforeEach
  void cleanSlate() {
    rows = new TestRows(jdbc);
    jdbc.sql(
            "truncate table ledger_lines, ledger_entries, ledger_accounts, credit_repayments, credit_reservations, credit_lines, borrowers,"
                + " platforms cascade")
        .update();
    rows.platform(PLATFORM, Environment.SANDBOX);
    rows.platform(OTHER_PLATFORM, Environment.SANDBOX);
    rows.borrower(BORROWER, PLATFORM, "ACTIVE", null, T0);
    rows.borrower(OTHER_BORROWER, OTHER_PLATFORM, "ACTIVE", null, T0);
  }

  @Test
  void theActivityIsTheTransactionalProxy() {
    assertThat(AopUtils.isAopProxy(activities)).isTrue();
    assertThat(AopUtils.getTargetClass(activities)).isEqualTo(CreditLineActivitiesImpl.class);
  }

  // ---------------------------------------------------------------------------------------------
  // Invariant 2 under concurrency

  /**
   * Fifty loans of €1,000 race for a €10,000 line: exactly ten get through, the line is exactly
   * used up, and replaying the fifty calls changes nothing. Repeated because a race that passes
   * once proves little.
   */
  @RepeatedTest(3)
  void fiftyConcurrentReservationsOnATenThousandEuroLineLetExactlyTenThrough() throws Exception {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    List<ReserveCredit> commands = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      commands.add(new ReserveCredit("loan-" + i, BORROWER, PLATFORM, ONE_THOUSAND_EUROS, T0));
    }

    long started = System.nanoTime();
    Outcomes first = raceReservations(commands);
    long firstMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(first.reserved()).hasSize(10);
    assertThat(first.reserved().values())
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(ReservationStatus.PENDING);
              assertThat(r.amountCents()).isEqualTo(ONE_THOUSAND_EUROS);
              assertThat(r.outstandingCents()).isEqualTo(ONE_THOUSAND_EUROS);
              assertThat(r.borrowerId()).isEqualTo(BORROWER);
            });
    assertThat(first.refused()).hasSize(40);
    assertThat(first.refused().values())
        .allSatisfy(
            f -> {
              assertRefusal(f, FailureType.AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE);
              // Losers only lose once the line is used up: nothing was available.
              assertThat(f.getDetails().get(Long.class)).isEqualTo(0L);
            });
    CreditLineView line = lineOf(BORROWER);
    assertThat(line.pendingAmountCents()).isEqualTo(TEN_THOUSAND_EUROS);
    assertThat(line.outstandingAmountCents()).isZero();
    assertThat(line.availableAmountCents()).isZero();
    assertThat(countReservations(ReservationStatus.PENDING)).isEqualTo(10);
    assertThat(sumOfPendingAmounts()).isEqualTo(TEN_THOUSAND_EUROS);

    // Replays of the same reservations (Temporal retries, duplicate deliveries) change nothing.
    started = System.nanoTime();
    Outcomes replay = raceReservations(commands);
    long replayMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(replay.reserved()).isEqualTo(first.reserved());
    assertThat(replay.refused().keySet()).isEqualTo(first.refused().keySet());
    assertThat(replay.refused().values())
        .allSatisfy(f -> assertRefusal(f, FailureType.AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE));
    assertThat(countReservations(ReservationStatus.PENDING)).isEqualTo(10);
    assertThat(countReservations(null)).isEqualTo(10);
    assertThat(lineOf(BORROWER)).isEqualTo(line);
    System.out.printf(
        "50 concurrent reservations: %d ms; 50 concurrent replays: %d ms%n",
        firstMillis, replayMillis);
  }

  /** Concurrent reservations, confirmations, releases and repayments never overdraw the line. */
  @Test
  void aMixedConcurrentWorkloadNeverOverdrawsTheLine() throws Exception {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    // Five loans already paid out (€5,000 outstanding).
    for (int i = 0; i < 5; i++) {
      activities.reserve(new ReserveCredit("paid-" + i, BORROWER, PLATFORM, 100_000, T0));
      confirmPaidOut(change("paid-" + i, 0, "payout settled"));
    }
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String loan = "paid-" + i;
      // Each repaid loan gives €1,000 back, each new loan asks €700.
      calls.add(() -> activities.repay(change(loan, 100_000, "payment-" + loan)));
    }
    for (int i = 0; i < 40; i++) {
      String loan = "new-" + i;
      calls.add(() -> activities.reserve(new ReserveCredit(loan, BORROWER, PLATFORM, 70_000, T0)));
    }
    race(calls);

    CreditLineView line = lineOf(BORROWER);
    long used = line.outstandingAmountCents() + line.pendingAmountCents();
    assertThat(used).isLessThanOrEqualTo(TEN_THOUSAND_EUROS);
    assertThat(line.availableAmountCents()).isEqualTo(TEN_THOUSAND_EUROS - used);
    assertThat(line.outstandingAmountCents()).isZero();
    // Whatever the interleaving, at least the €5,000 never lent out back then was reserved.
    assertThat(countReservations(ReservationStatus.PENDING)).isBetween(7L, 14L);
    assertThat(line.pendingAmountCents())
        .isEqualTo(70_000 * countReservations(ReservationStatus.PENDING));
  }

  // ---------------------------------------------------------------------------------------------
  // reserve

  @Test
  void aReplayWithTheSameLoanIdAndAnotherAmountReturnsTheOriginalReservation() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    Reservation original =
        activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 250_000, T0));

    Reservation replayed =
        activities.reserve(
            new ReserveCredit("loan-1", BORROWER, PLATFORM, 900_000, T0.plusSeconds(30)));

    assertThat(original)
        .isEqualTo(
            new Reservation("loan-1", BORROWER, 250_000, 250_000, ReservationStatus.PENDING));
    assertThat(replayed).isEqualTo(original);
    assertThat(lineOf(BORROWER).pendingAmountCents()).isEqualTo(250_000);
    assertThat(lineOf(BORROWER).availableAmountCents()).isEqualTo(750_000);
    assertThat(countReservations(null)).isEqualTo(1);
  }

  @Test
  void aReplayIsAnsweredEvenAfterTheLineWasBlocked() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    Reservation original =
        activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 250_000, T0));
    activities.setStatus(
        new SetCreditLineStatus(BORROWER, CreditLineStatus.BLOCKED, "FRAUD_SUSPICION", T0));

    assertThat(activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 250_000, T0)))
        .isEqualTo(original);
    assertRefusal(
        () -> activities.reserve(new ReserveCredit("loan-2", BORROWER, PLATFORM, 1, T0)),
        FailureType.CREDIT_LINE_BLOCKED);
  }

  @Test
  void anAmountAboveTheAvailableBalanceIsRefusedWithTheAvailableAmount() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 600_000, T0));

    ApplicationFailure refusal =
        assertRefusal(
            () -> activities.reserve(new ReserveCredit("loan-2", BORROWER, PLATFORM, 400_001, T0)),
            FailureType.AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE);

    assertThat(refusal.getDetails().get(Long.class)).isEqualTo(400_000L);
    assertThat(repository.findByBorrower(PLATFORM, BORROWER)).get().isEqualTo(lineOf(BORROWER));
    // Exactly the available amount is fine.
    assertThat(
            activities
                .reserve(new ReserveCredit("loan-2", BORROWER, PLATFORM, 400_000, T0))
                .status())
        .isEqualTo(ReservationStatus.PENDING);
    assertThat(lineOf(BORROWER).availableAmountCents()).isZero();
    assertThat(countReservations(null)).isEqualTo(2);
  }

  @Test
  void aLineExpiredByItsDateIsRefused() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS, T0.minusSeconds(1));

    assertRefusal(
        () -> activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 100, T0)),
        FailureType.CREDIT_LINE_EXPIRED);
    // The expiry instant itself is already too late.
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS, T0);
    assertRefusal(
        () -> activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 100, T0)),
        FailureType.CREDIT_LINE_EXPIRED);
    assertThat(countReservations(null)).isZero();
  }

  @Test
  void aLineMarkedExpiredIsRefusedAndARescoreRenewsIt() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    CreditLineView expired =
        activities.setStatus(
            new SetCreditLineStatus(BORROWER, CreditLineStatus.EXPIRED, "VALIDITY_OVER", T0));
    assertThat(expired.status()).isEqualTo(CreditLineStatus.EXPIRED);
    assertThat(expired.statusReason()).isEqualTo("VALIDITY_OVER");

    assertRefusal(
        () -> activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 100, T0)),
        FailureType.CREDIT_LINE_EXPIRED);

    CreditLineView renewed =
        activities.open(
            new OpenCreditLine(
                BORROWER, PLATFORM, TEN_THOUSAND_EUROS, EXPIRES, T0.plusSeconds(60)));
    assertThat(renewed.status()).isEqualTo(CreditLineStatus.ACTIVE);
    assertThat(renewed.statusReason()).isNull();
    assertThat(activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 100, T0)))
        .extracting(Reservation::status)
        .isEqualTo(ReservationStatus.PENDING);
  }

  @Test
  void aBlockedLineIsRefused() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    CreditLineView blocked =
        activities.setStatus(
            new SetCreditLineStatus(BORROWER, CreditLineStatus.BLOCKED, "LATE_REPAYMENT", T0));
    assertThat(blocked.status()).isEqualTo(CreditLineStatus.BLOCKED);
    assertThat(blocked.statusReason()).isEqualTo("LATE_REPAYMENT");

    assertRefusal(
        () -> activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 100, T0)),
        FailureType.CREDIT_LINE_BLOCKED);
    assertThat(countReservations(null)).isZero();
  }

  @Test
  void aBorrowerWithoutALineIsRefused() {
    assertRefusal(
        () -> activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 100, T0)),
        FailureType.NO_CREDIT_LINE);
    assertRefusal(
        () ->
            activities.setStatus(
                new SetCreditLineStatus(BORROWER, CreditLineStatus.BLOCKED, "X", T0)),
        FailureType.NO_CREDIT_LINE);
  }

  @Test
  void anotherPlatformCannotReserveOnTheLine() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);

    assertRefusal(
        () -> activities.reserve(new ReserveCredit("loan-1", BORROWER, OTHER_PLATFORM, 100, T0)),
        FailureType.NO_CREDIT_LINE);
    assertThat(countReservations(null)).isZero();
  }

  @Test
  void malformedCommandsFailWithoutRetry() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);

    ApplicationFailure zero =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 0, T0)));
    assertThat(zero.isNonRetryable()).isTrue();
    assertThat(zero.getType()).isEqualTo(IllegalArgumentException.class.getName());
    Reservation reservation =
        activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 100, T0));
    confirmPaidOut(change(reservation.loanId(), 0, null));
    ApplicationFailure noKey =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.repay(change("loan-1", 100, null)));
    assertThat(noKey.isNonRetryable()).isTrue();
    assertThat(noKey.getType()).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(lineOf(BORROWER).outstandingAmountCents()).isEqualTo(100);
  }

  // ---------------------------------------------------------------------------------------------
  // confirm, release, repay

  @Test
  void confirmMovesTheAmountFromPendingToOutstandingAndIsIdempotent() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 300_000, T0));

    Reservation confirmed = confirmPaidOut(change("loan-1", 0, "payout settled"));
    Reservation again = confirmPaidOut(change("loan-1", 0, "payout settled"));

    assertThat(confirmed)
        .isEqualTo(
            new Reservation("loan-1", BORROWER, 300_000, 300_000, ReservationStatus.CONFIRMED));
    assertThat(again).isEqualTo(confirmed);
    CreditLineView line = lineOf(BORROWER);
    assertThat(line.pendingAmountCents()).isZero();
    assertThat(line.outstandingAmountCents()).isEqualTo(300_000);
    assertThat(line.availableAmountCents()).isEqualTo(700_000);
  }

  @Test
  void releaseReturnsTheAmountToTheAvailableBalance() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    activities.reserve(new ReserveCredit("pending", BORROWER, PLATFORM, 300_000, T0));
    activities.reserve(new ReserveCredit("paid-out", BORROWER, PLATFORM, 200_000, T0));
    confirmPaidOut(change("paid-out", 0, "payout settled"));
    assertThat(lineOf(BORROWER).availableAmountCents()).isEqualTo(500_000);

    Reservation releasedPending = activities.release(change("pending", 0, "CANCELED"));
    assertThat(releasedPending.status()).isEqualTo(ReservationStatus.RELEASED);
    assertThat(lineOf(BORROWER).pendingAmountCents()).isZero();
    assertThat(lineOf(BORROWER).availableAmountCents()).isEqualTo(800_000);

    Reservation releasedConfirmed = activities.release(change("paid-out", 0, "PAYOUT_RETURNED"));
    assertThat(releasedConfirmed.status()).isEqualTo(ReservationStatus.RELEASED);
    assertThat(releasedConfirmed.outstandingCents()).isZero();
    assertThat(activities.release(change("paid-out", 0, "again"))).isEqualTo(releasedConfirmed);
    CreditLineView line = lineOf(BORROWER);
    assertThat(line.outstandingAmountCents()).isZero();
    assertThat(line.availableAmountCents()).isEqualTo(TEN_THOUSAND_EUROS);
    assertThat(
            jdbc.sql("select reason from credit_reservations where loan_id = 'pending'")
                .query(String.class)
                .single())
        .isEqualTo("CANCELED");

    assertRefusal(
        () -> activities.confirm(change("pending", 0, "late settlement")),
        FailureType.INVALID_STATE);
  }

  @Test
  void repayPartlyThenFullyRestoresTheAvailableBalance() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 300_000, T0));
    confirmPaidOut(change("loan-1", 0, "payout settled"));

    Reservation partly = activities.repay(change("loan-1", 100_000, "payment-1"));
    assertThat(partly)
        .isEqualTo(
            new Reservation("loan-1", BORROWER, 300_000, 200_000, ReservationStatus.CONFIRMED));
    assertThat(lineOf(BORROWER).outstandingAmountCents()).isEqualTo(200_000);
    assertThat(lineOf(BORROWER).availableAmountCents()).isEqualTo(800_000);

    // More than what is outstanding: only the outstanding part counts.
    Reservation fully = activities.repay(change("loan-1", 250_000, "payment-2"));
    assertThat(fully)
        .isEqualTo(new Reservation("loan-1", BORROWER, 300_000, 0, ReservationStatus.REPAID));
    CreditLineView line = lineOf(BORROWER);
    assertThat(line.outstandingAmountCents()).isZero();
    assertThat(line.pendingAmountCents()).isZero();
    assertThat(line.availableAmountCents()).isEqualTo(TEN_THOUSAND_EUROS);
    assertThat(
            jdbc.sql(
                    "select repayment_key, amount_cents from credit_repayments"
                        + " where loan_id = 'loan-1' order by repayment_key")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                .list())
        .containsExactly("payment-1=100000", "payment-2=200000");

    // Money beyond the principal changes nothing; a REPAID reservation cannot be released.
    assertThat(activities.repay(change("loan-1", 5_000, "payment-3"))).isEqualTo(fully);
    assertRefusal(() -> activities.release(change("loan-1", 0, "x")), FailureType.INVALID_STATE);
    assertRefusal(() -> activities.confirm(change("loan-1", 0, "x")), FailureType.INVALID_STATE);
  }

  @Test
  void repayingTwiceWithTheSameKeyChangesNothing() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 300_000, T0));
    confirmPaidOut(change("loan-1", 0, "payout settled"));

    Reservation once = activities.repay(change("loan-1", 100_000, "payment-1"));
    Reservation twice = activities.repay(change("loan-1", 100_000, "payment-1"));

    assertThat(twice).isEqualTo(once);
    assertThat(twice.outstandingCents()).isEqualTo(200_000);
    assertThat(lineOf(BORROWER).outstandingAmountCents()).isEqualTo(200_000);
    assertThat(lineOf(BORROWER).availableAmountCents()).isEqualTo(800_000);
    assertThat(
            jdbc.sql("select count(*) from credit_repayments where loan_id = 'loan-1'")
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }

  // ---------------------------------------------------------------------------------------------
  // reinstate: a repayment whose money came back

  @Test
  void reinstatingARepaymentPutsWhatItAppliedBackOutstandingOnce() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 300_000, T0));
    confirmPaidOut(change("loan-1", 0, "payout settled"));
    activities.repay(change("loan-1", 100_000, "incoming-1"));
    // The debit applied only what was left: 200,000 of its 250,000.
    Reservation repaid = activities.repay(change("loan-1", 250_000, "debit-1"));
    assertThat(repaid.status()).isEqualTo(ReservationStatus.REPAID);

    Reservation back = activities.reinstate(change("loan-1", 0, "debit-1"));

    assertThat(back)
        .isEqualTo(
            new Reservation("loan-1", BORROWER, 300_000, 200_000, ReservationStatus.CONFIRMED));
    assertThat(lineOf(BORROWER).outstandingAmountCents()).isEqualTo(200_000);
    assertThat(lineOf(BORROWER).availableAmountCents()).isEqualTo(800_000);
    assertThat(repayments("loan-1"))
        .containsExactly("debit-1=200000", "debit-1:returned=-200000", "incoming-1=100000");

    // Told twice (the follow-up is at least once): nothing more.
    assertThat(activities.reinstate(change("loan-1", 0, "debit-1"))).isEqualTo(back);
    assertThat(repayments("loan-1")).hasSize(3);
    assertThat(lineOf(BORROWER).outstandingAmountCents()).isEqualTo(200_000);

    // The loan is repaid again by another payment.
    assertThat(activities.repay(change("loan-1", 200_000, "incoming-2")).status())
        .isEqualTo(ReservationStatus.REPAID);
    assertThat(lineOf(BORROWER).outstandingAmountCents()).isZero();
  }

  @Test
  void reinstatingAKeyNeverAppliedChangesNothing() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 300_000, T0));
    confirmPaidOut(change("loan-1", 0, "payout settled"));
    Reservation repaid = activities.repay(change("loan-1", 300_000, "incoming-1"));
    // Money beyond the principal is recorded with nothing applied.
    activities.repay(change("loan-1", 5_000, "incoming-2"));

    assertThat(activities.reinstate(change("loan-1", 0, "no-such-debit"))).isEqualTo(repaid);
    assertThat(activities.reinstate(change("loan-1", 0, "incoming-2"))).isEqualTo(repaid);

    assertThat(repayments("loan-1")).containsExactly("incoming-1=300000", "incoming-2=0");
    assertThat(lineOf(BORROWER).outstandingAmountCents()).isZero();
    ApplicationFailure noKey =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.reinstate(change("loan-1", 0, null)));
    assertThat(noKey.isNonRetryable()).isTrue();
    assertThat(noKey.getType()).isEqualTo(IllegalArgumentException.class.getName());
    assertRefusal(
        () -> activities.reinstate(change("no-such-loan", 0, "debit-1")),
        FailureType.UNKNOWN_RESERVATION);
  }

  @Test
  void repayIsRefusedBeforeThePayoutAndAfterARelease() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 300_000, T0));

    assertRefusal(
        () -> activities.repay(change("loan-1", 100, "payment-1")), FailureType.INVALID_STATE);
    activities.release(change("loan-1", 0, "CANCELED"));
    ApplicationFailure afterRelease =
        assertRefusal(
            () -> activities.repay(change("loan-1", 100, "payment-1")), FailureType.INVALID_STATE);
    assertThat(afterRelease.getDetails().get(String.class)).isEqualTo("RELEASED");
    assertThat(jdbc.sql("select count(*) from credit_repayments").query(Long.class).single())
        .isZero();
  }

  @Test
  void changesOfAnUnknownReservationAreRefused() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);

    assertRefusal(
        () -> activities.confirm(change("nope", 0, null)), FailureType.UNKNOWN_RESERVATION);
    assertRefusal(
        () -> activities.release(change("nope", 0, null)), FailureType.UNKNOWN_RESERVATION);
    assertRefusal(
        () -> activities.repay(change("nope", 1, "payment-1")), FailureType.UNKNOWN_RESERVATION);
  }

  // ---------------------------------------------------------------------------------------------
  // open, rescore, status

  @Test
  void openingTwiceWithTheSameCommandYieldsTheSameRow() {
    OpenCreditLine command =
        new OpenCreditLine(BORROWER, PLATFORM, TEN_THOUSAND_EUROS, EXPIRES, T0);

    CreditLineView first = activities.open(command);
    Map<String, Object> rowAfterFirst = rawLine(BORROWER);
    CreditLineView second = activities.open(command);

    assertThat(second).isEqualTo(first);
    assertThat(rawLine(BORROWER)).isEqualTo(rowAfterFirst);
    assertThat(first)
        .isEqualTo(
            new CreditLineView(
                BORROWER,
                PLATFORM,
                TEN_THOUSAND_EUROS,
                TEN_THOUSAND_EUROS,
                0,
                0,
                new BigDecimal("0.0500"),
                CreditLineStatus.ACTIVE,
                null,
                EXPIRES,
                T0));
    assertThat(jdbc.sql("select count(*) from credit_lines").query(Long.class).single())
        .isEqualTo(1L);
  }

  @Test
  void aRescoreKeepsTheReservationsAndMovesTheAvailableBalance() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 300_000, T0));
    activities.reserve(new ReserveCredit("loan-2", BORROWER, PLATFORM, 200_000, T0));
    confirmPaidOut(change("loan-2", 0, "payout settled"));
    Instant later = T0.plus(Duration.ofDays(30));
    Instant newExpiry = EXPIRES.plus(Duration.ofDays(365));

    CreditLineView raised =
        activities.open(new OpenCreditLine(BORROWER, PLATFORM, 2_000_000, newExpiry, later));

    assertThat(raised.maxAmountCents()).isEqualTo(2_000_000);
    assertThat(raised.pendingAmountCents()).isEqualTo(300_000);
    assertThat(raised.outstandingAmountCents()).isEqualTo(200_000);
    assertThat(raised.availableAmountCents()).isEqualTo(1_500_000);
    assertThat(raised.expiresAt()).isEqualTo(newExpiry);
    assertThat(raised.updatedAt()).isEqualTo(later);
    assertThat(countReservations(null)).isEqualTo(2);

    // Lowered under what is used: nothing available, the loans stay, new ones are refused.
    CreditLineView lowered =
        activities.open(new OpenCreditLine(BORROWER, PLATFORM, 400_000, newExpiry, later));
    assertThat(lowered.availableAmountCents()).isZero();
    assertThat(lowered.pendingAmountCents() + lowered.outstandingAmountCents()).isEqualTo(500_000);
    ApplicationFailure refusal =
        assertRefusal(
            () -> activities.reserve(new ReserveCredit("loan-3", BORROWER, PLATFORM, 1, later)),
            FailureType.AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE);
    assertThat(refusal.getDetails().get(Long.class)).isZero();
    assertThat(activities.release(change("loan-1", 0, "CANCELED")).status())
        .isEqualTo(ReservationStatus.RELEASED);
    assertThat(lineOf(BORROWER).availableAmountCents()).isEqualTo(200_000);
  }

  @Test
  void aBlockedLineStaysBlockedThroughARescore() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    activities.setStatus(
        new SetCreditLineStatus(BORROWER, CreditLineStatus.BLOCKED, "LATE_REPAYMENT", T0));

    CreditLineView rescored =
        activities.open(
            new OpenCreditLine(BORROWER, PLATFORM, 2_000_000, EXPIRES, T0.plusSeconds(60)));

    assertThat(rescored.status()).isEqualTo(CreditLineStatus.BLOCKED);
    assertThat(rescored.statusReason()).isEqualTo("LATE_REPAYMENT");
    assertThat(rescored.maxAmountCents()).isEqualTo(2_000_000);
    assertRefusal(
        () -> activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 100, T0)),
        FailureType.CREDIT_LINE_BLOCKED);

    CreditLineView unblocked =
        activities.setStatus(
            new SetCreditLineStatus(BORROWER, CreditLineStatus.ACTIVE, null, T0.plusSeconds(90)));
    assertThat(unblocked.status()).isEqualTo(CreditLineStatus.ACTIVE);
    assertThat(unblocked.statusReason()).isNull();
  }

  @Test
  void anotherPlatformCannotOpenOrRescoreTheLine() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);

    assertRefusal(
        () -> activities.open(new OpenCreditLine(BORROWER, OTHER_PLATFORM, 5_000_000, EXPIRES, T0)),
        FailureType.INVALID_STATE);
    assertThat(lineOf(BORROWER).maxAmountCents()).isEqualTo(TEN_THOUSAND_EUROS);
    assertThat(lineOf(BORROWER).platformId()).isEqualTo(PLATFORM);
  }

  // ---------------------------------------------------------------------------------------------
  // read side

  @Test
  void anotherPlatformCannotReadTheLine() {
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    open(OTHER_BORROWER, OTHER_PLATFORM, 500_000);

    assertThat(repository.findByBorrower(PLATFORM, BORROWER)).isPresent();
    assertThat(repository.findByBorrower(OTHER_PLATFORM, BORROWER)).isEmpty();
    assertThat(repository.findByBorrower(PLATFORM, OTHER_BORROWER)).isEmpty();
    assertThat(repository.findByPlatform(OTHER_PLATFORM, BORROWER)).isEmpty();
    assertThat(repository.findByPlatform(OTHER_PLATFORM, null))
        .extracting(CreditLineView::borrowerId)
        .containsExactly(OTHER_BORROWER);
  }

  @Test
  void findByPlatformListsThePlatformsLinesWithTheirBalances() {
    rows.borrower("b-0", PLATFORM, "ACTIVE", null, T0);
    open(BORROWER, PLATFORM, TEN_THOUSAND_EUROS);
    open("b-0", PLATFORM, 200_000);
    open(OTHER_BORROWER, OTHER_PLATFORM, 500_000);
    activities.reserve(new ReserveCredit("loan-1", BORROWER, PLATFORM, 300_000, T0));
    activities.reserve(new ReserveCredit("loan-2", BORROWER, PLATFORM, 100_000, T0));
    confirmPaidOut(change("loan-2", 0, "payout settled"));
    activities.reserve(new ReserveCredit("loan-3", BORROWER, PLATFORM, 50_000, T0));
    activities.release(change("loan-3", 0, "CANCELED"));

    List<CreditLineView> all = repository.findByPlatform(PLATFORM, null);
    List<CreditLineView> one = repository.findByPlatform(PLATFORM, BORROWER);

    assertThat(all).extracting(CreditLineView::borrowerId).containsExactly("b-0", BORROWER);
    assertThat(all.get(0).availableAmountCents()).isEqualTo(200_000);
    assertThat(one).containsExactly(all.get(1));
    CreditLineView line = one.get(0);
    assertThat(line.pendingAmountCents()).isEqualTo(300_000);
    assertThat(line.outstandingAmountCents()).isEqualTo(100_000);
    assertThat(line.availableAmountCents()).isEqualTo(600_000);
    assertThat(repository.findByBorrower(PLATFORM, BORROWER)).contains(line);
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** What fifty callers released at once got: reservations and refusals by loan id. */
  private record Outcomes(
      Map<String, Reservation> reserved, Map<String, ApplicationFailure> refused) {}

  private Outcomes raceReservations(List<ReserveCredit> commands) throws Exception {
    List<Callable<Object>> calls = new ArrayList<>();
    for (ReserveCredit command : commands) {
      calls.add(() -> activities.reserve(command));
    }
    List<Object> results = race(calls);
    Map<String, Reservation> reserved = new TreeMap<>();
    Map<String, ApplicationFailure> refused = new TreeMap<>();
    for (int i = 0; i < commands.size(); i++) {
      Object result = results.get(i);
      if (result instanceof Reservation r) {
        reserved.put(commands.get(i).loanId(), r);
      } else {
        assertThat(result).isInstanceOf(ApplicationFailure.class);
        refused.put(commands.get(i).loanId(), (ApplicationFailure) result);
      }
    }
    Set<String> all = new TreeSet<>(reserved.keySet());
    all.addAll(refused.keySet());
    assertThat(all).hasSize(commands.size());
    return new Outcomes(reserved, refused);
  }

  /**
   * Runs every call on its own thread of a fixed pool, all released together by a latch; returns
   * each call's result or the exception it threw, in order.
   */
  private static List<Object> race(List<Callable<Object>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch ready = new CountDownLatch(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (Callable<Object> call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.call();
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> future : futures) {
        try {
          results.add(future.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          results.add(e.getCause());
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static ApplicationFailure assertRefusal(ThrowingCallable call, FailureType type) {
    ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, call);
    return assertRefusal(failure, type);
  }

  private static ApplicationFailure assertRefusal(ApplicationFailure failure, FailureType type) {
    assertThat(failure).as("a %s failure", type).isNotNull();
    assertThat(failure.getType()).isEqualTo(type.type());
    assertThat(failure.isNonRetryable()).isTrue();
    return failure;
  }

  private CreditLineView open(String borrowerId, String platformId, long maxCents) {
    return open(borrowerId, platformId, maxCents, EXPIRES);
  }

  private CreditLineView open(
      String borrowerId, String platformId, long maxCents, Instant expiresAt) {
    return activities.open(new OpenCreditLine(borrowerId, platformId, maxCents, expiresAt, T0));
  }

  private static ReservationChange change(String loanId, long amountCents, String reason) {
    return new ReservationChange(loanId, amountCents, reason, T0.plusSeconds(10));
  }

  private List<String> repayments(String loanId) {
    return jdbc.sql(
            "select repayment_key, amount_cents from credit_repayments where loan_id = :l"
                + " order by repayment_key")
        .param("l", loanId)
        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
        .list();
  }

  /**
   * The bank booked the loan's payout (the books' principal, as in the inbox's transaction), then
   * the loan confirms its reservation, as a loan does once its payout settled.
   */
  private Reservation confirmPaidOut(ReservationChange command) {
    long amount =
        jdbc.sql("select amount_cents from credit_reservations where loan_id = :l")
            .param("l", command.loanId())
            .query(Long.class)
            .single();
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status ->
                books.payoutBooked(
                    new LedgerFacts.Payment(
                        command.loanId() + ":payout", command.loanId(), PLATFORM, BORROWER, null),
                    amount,
                    T0));
    return activities.confirm(command);
  }

  private CreditLineView lineOf(String borrowerId) {
    return repository.findByBorrower(PLATFORM, borrowerId).orElseThrow();
  }

  private Map<String, Object> rawLine(String borrowerId) {
    return jdbc.sql("select * from credit_lines where borrower_id = :b")
        .param("b", borrowerId)
        .query()
        .singleRow();
  }

  /** Reservations of the borrower in this status, or all of them when status is null. */
  private long countReservations(ReservationStatus status) {
    return jdbc.sql(
            "select count(*) from credit_reservations where borrower_id = :b"
                + " and (cast(:s as text) is null or status = cast(:s as text))")
        .param("b", BORROWER)
        .param("s", status == null ? null : status.name())
        .query(Long.class)
        .single();
  }

  private long sumOfPendingAmounts() {
    return jdbc.sql(
            "select coalesce(sum(amount_cents), 0) from credit_reservations"
                + " where borrower_id = :b and status = 'PENDING'")
        .param("b", BORROWER)
        .query(Long.class)
        .single();
  }
}
