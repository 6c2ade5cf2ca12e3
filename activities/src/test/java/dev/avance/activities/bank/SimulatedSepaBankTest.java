package dev.avance.activities.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.MutableClock;
import dev.avance.activities.MutableClockConfiguration;
import dev.avance.activities.RealPostgresTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@link SimulatedSepaBank} on a real PostgreSQL, with a clock the test moves: settlement days
 * (TARGET closing days, SCT Inst for payouts due today), withdrawals, the sandbox controls and the
 * idempotency of submits and incoming credits.
 */
@SpringBootTest(
    classes = {CreditTestApplication.class, MutableClockConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SimulatedSepaBankTest extends RealPostgresTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 11);
  private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 13);
  private static final LocalDate SATURDAY = LocalDate.of(2026, 3, 14);
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 16);
  private static final String IBAN = "FR7630006000011234567890189";
  private static final String BIC = "AGRIFRPP";

  @Autowired private SimulatedSepaBank bank;
  @Autowired private MutableClock clock;
  @Autowired private JdbcClient jdbc;

  @BeforeEach
  void cleanSlate() {
    jdbc.sql("truncate table bank_transfers, bank_incoming_credits").update();
    clock.setParis(WEDNESDAY, LocalTime.of(10, 0));
  }

  // ---------------------------------------------------------------------------------------------
  // Idempotency

  @Test
  void aSecondSubmitOfAPaymentIdReturnsTheFirstReceiptAndSendsNothing() {
    BankReceipt first = bank.submit(payout("loan-1:payout", 100_000, MONDAY));
    clock.advance(Duration.ofHours(1));

    BankReceipt second = bank.submit(payout("loan-1:payout", 999_999, FRIDAY));

    assertThat(second).isEqualTo(first);
    List<BankTransfer> transfers = bank.transfers("loan-1:payout");
    assertThat(transfers).hasSize(1);
    assertThat(transfers.get(0).amountCents()).isEqualTo(100_000);
    assertThat(transfers.get(0).executionDate()).isEqualTo(MONDAY);
  }

  @Test
  void transfersOfALoanListItsPaymentsOnlyInReceptionOrder() {
    bank.submit(payout("loan-1:payout", 100_000, MONDAY));
    bank.submit(debit("loan-1:debit:1", 100_000, MONDAY.plusDays(30)));
    bank.submit(payout("loan-10:payout", 5_000, MONDAY));

    assertThat(bank.transfers("loan-1"))
        .extracting(BankTransfer::paymentId)
        .containsExactly("loan-1:payout", "loan-1:debit:1");
    assertThat(bank.transfers("loan-1:debit:1")).hasSize(1);
    assertThat(bank.transfers("loan-2")).isEmpty();
    assertThat(bank.transfer("loan-10:payout")).isPresent();
  }

  // ---------------------------------------------------------------------------------------------
  // Payouts

  @Test
  void aPayoutDueTodaySettlesWhenReceivedEvenOnASaturday() {
    clock.setParis(SATURDAY, LocalTime.of(11, 30));
    Instant receivedAt = clock.instant();

    BankReceipt receipt = bank.submit(payout("loan-1:payout", 100_000, SATURDAY));
    clock.advance(Duration.ofSeconds(5));
    BankOutcome outcome = bank.outcome("loan-1:payout");

    assertThat(receipt.settlesOn()).isEqualTo(SATURDAY);
    assertThat(outcome.status()).isEqualTo(BankTransferStatus.SETTLED);
    assertThat(outcome.settledAt()).isEqualTo(receivedAt);
    BankTransfer stored = bank.transfer("loan-1:payout").orElseThrow();
    assertThat(stored.status()).isEqualTo(BankTransferStatus.SETTLED);
    assertThat(stored.settledAt()).isEqualTo(receivedAt);
  }

  @Test
  void aPayoutWithAPastOrNoExecutionDateSettlesAtOnce() {
    bank.submit(payout("loan-1:payout", 100_000, WEDNESDAY.minusDays(3)));
    bank.submit(payout("loan-2:payout", 100_000, null));

    assertThat(bank.outcome("loan-1:payout").status()).isEqualTo(BankTransferStatus.SETTLED);
    assertThat(bank.outcome("loan-2:payout").status()).isEqualTo(BankTransferStatus.SETTLED);
    assertThat(bank.transfer("loan-2:payout").orElseThrow().executionDate()).isEqualTo(WEDNESDAY);
  }

  @Test
  void aPayoutForNextMondayStaysPendingOverTheWeekendAndSettlesOnMonday() {
    clock.setParis(FRIDAY, LocalTime.of(16, 0));
    bank.submit(payout("loan-1:payout", 100_000, MONDAY));

    assertThat(bank.outcome("loan-1:payout").status()).isEqualTo(BankTransferStatus.PENDING);
    clock.setParis(SATURDAY, LocalTime.NOON);
    assertThat(bank.outcome("loan-1:payout").status()).isEqualTo(BankTransferStatus.PENDING);
    clock.setParis(MONDAY.minusDays(1), LocalTime.of(23, 59, 59));
    assertThat(bank.outcome("loan-1:payout").status()).isEqualTo(BankTransferStatus.PENDING);
    assertThat(bank.transfer("loan-1:payout").orElseThrow().status())
        .isEqualTo(BankTransferStatus.PENDING);

    clock.setParis(MONDAY, LocalTime.of(8, 0));
    BankOutcome outcome = bank.outcome("loan-1:payout");

    assertThat(outcome.status()).isEqualTo(BankTransferStatus.SETTLED);
    assertThat(outcome.settledAt()).isEqualTo(parisMidnight(MONDAY));
    // Asked again later: the settlement time does not depend on when it is asked.
    clock.advance(Duration.ofDays(3));
    assertThat(bank.outcome("loan-1:payout")).isEqualTo(outcome);
  }

  @Test
  void aPayoutDueOnGoodFridaySettlesOnTheTuesdayAfterEasterMonday() {
    clock.setParis(LocalDate.of(2026, 4, 1), LocalTime.of(9, 0));
    BankReceipt receipt = bank.submit(payout("loan-1:payout", 100_000, LocalDate.of(2026, 4, 3)));

    assertThat(receipt.settlesOn()).isEqualTo(LocalDate.of(2026, 4, 7));
    for (int day = 3; day <= 6; day++) {
      clock.setParis(LocalDate.of(2026, 4, day), LocalTime.of(18, 0));
      assertThat(bank.outcome("loan-1:payout").status())
          .as("on April %d", day)
          .isEqualTo(BankTransferStatus.PENDING);
    }
    clock.setParis(LocalDate.of(2026, 4, 7), LocalTime.of(0, 0, 1));
    BankOutcome outcome = bank.outcome("loan-1:payout");
    assertThat(outcome.status()).isEqualTo(BankTransferStatus.SETTLED);
    assertThat(outcome.settledAt()).isEqualTo(parisMidnight(LocalDate.of(2026, 4, 7)));
  }

  @ParameterizedTest(name = "due {0}, settles {1}")
  @CsvSource({
    "2026-03-16, 2026-03-16", // an ordinary Monday
    "2026-03-21, 2026-03-23", // Saturday
    "2026-03-22, 2026-03-23", // Sunday
    "2026-01-01, 2026-01-02", // New Year's Day, a Thursday
    "2026-04-03, 2026-04-07", // Good Friday, then Easter Monday
    "2026-04-06, 2026-04-07", // Easter Monday
    "2026-05-01, 2026-05-04", // Labour Day, a Friday
    "2025-12-25, 2025-12-29", // Christmas (Thursday), 26 December (Friday), weekend
    "2027-03-26, 2027-03-30", // Good Friday 2027 (Easter on 28 March)
    "2027-12-24, 2027-12-24", // Christmas Eve is open
  })
  void aFutureDatedPayoutSettlesOnTheNextTargetBusinessDay(LocalDate due, LocalDate settles) {
    clock.setParis(LocalDate.of(2025, 12, 1), LocalTime.NOON);

    BankReceipt receipt = bank.submit(payout("loan-1:payout", 100_000, due));

    assertThat(receipt.settlesOn()).isEqualTo(settles);
    clock.setParis(settles.minusDays(1), LocalTime.of(23, 0));
    assertThat(bank.outcome("loan-1:payout").status()).isEqualTo(BankTransferStatus.PENDING);
    clock.setParis(settles, LocalTime.of(9, 0));
    assertThat(bank.outcome("loan-1:payout").status()).isEqualTo(BankTransferStatus.SETTLED);
  }

  @Test
  void aPendingPayoutCanBeFailedWithAReasonOnceAndNotAfterItSettled() {
    bank.submit(payout("loan-1:payout", 100_000, MONDAY));
    bank.submit(payout("loan-2:payout", 100_000, WEDNESDAY));

    BankOutcome failed = bank.failPayout("loan-1:payout", "AC04 account closed");

    assertThat(failed.status()).isEqualTo(BankTransferStatus.REJECTED);
    assertThat(failed.reason()).isEqualTo("AC04 account closed");
    assertThat(bank.failPayout("loan-1:payout", "another reason")).isEqualTo(failed);
    clock.setParis(MONDAY, LocalTime.NOON);
    assertThat(bank.outcome("loan-1:payout")).isEqualTo(failed);
    assertThat(bank.transfer("loan-1:payout").orElseThrow().settledAt()).isNull();

    // Due today: an SCT Inst, settled as soon as it was received.
    assertThatThrownBy(() -> bank.failPayout("loan-2:payout", "too late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SETTLED");
    assertThat(bank.outcome("loan-2:payout").status()).isEqualTo(BankTransferStatus.SETTLED);
  }

  @Test
  void sandboxControlsRefuseUnknownPaymentsAndTheWrongKindOfTransfer() {
    bank.submit(payout("loan-1:payout", 100_000, MONDAY));
    bank.submit(debit("loan-1:debit:1", 100_000, MONDAY));

    assertThatThrownBy(() -> bank.failPayout("nope", "x"))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> bank.outcome("nope")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> bank.returnDirectDebit("nope", "AM04"))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> bank.failPayout("loan-1:debit:1", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bank.returnDirectDebit("loan-1:payout", "AM04"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bank.returnDirectDebit("loan-1:debit:1", "insufficient funds"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(bank.outcome("loan-1:payout").status()).isEqualTo(BankTransferStatus.PENDING);
    assertThat(bank.outcome("loan-1:debit:1").status()).isEqualTo(BankTransferStatus.PENDING);
  }

  // ---------------------------------------------------------------------------------------------
  // Direct debits

  @Test
  void aDirectDebitIsCollectedOnItsCollectionDateMovedToTheNextBusinessDay() {
    BankReceipt receipt = bank.submit(debit("loan-1:debit:1", 100_000, SATURDAY));

    assertThat(receipt.settlesOn()).isEqualTo(MONDAY);
    clock.setParis(SATURDAY, LocalTime.NOON);
    assertThat(bank.outcome("loan-1:debit:1").status()).isEqualTo(BankTransferStatus.PENDING);
    clock.setParis(MONDAY, LocalTime.of(7, 0));
    BankOutcome outcome = bank.outcome("loan-1:debit:1");
    assertThat(outcome.status()).isEqualTo(BankTransferStatus.SETTLED);
    assertThat(outcome.settledAt()).isEqualTo(parisMidnight(MONDAY));
  }

  @Test
  void aDirectDebitWhoseCollectionDateIsPastIsCollectedOnTheNextBusinessDayFromReception() {
    clock.setParis(SATURDAY, LocalTime.NOON);

    BankReceipt receipt = bank.submit(debit("loan-1:debit:1", 100_000, WEDNESDAY));

    assertThat(receipt.settlesOn()).isEqualTo(MONDAY);
    assertThat(receipt.executionDate()).isEqualTo(WEDNESDAY);
  }

  @Test
  void aSettledDirectDebitCanBeReturnedDaysLaterAndKeepsItsSettlement() {
    bank.submit(debit("loan-1:debit:1", 100_000, FRIDAY));
    clock.setParis(FRIDAY, LocalTime.NOON);
    BankOutcome settled = bank.outcome("loan-1:debit:1");
    assertThat(settled.status()).isEqualTo(BankTransferStatus.SETTLED);

    clock.setParis(MONDAY.plusDays(1), LocalTime.NOON);
    BankOutcome returned = bank.returnDirectDebit("loan-1:debit:1", "AM04");

    assertThat(returned.status()).isEqualTo(BankTransferStatus.RETURNED);
    assertThat(returned.reason()).isEqualTo("AM04");
    assertThat(returned.settledAt()).isEqualTo(settled.settledAt());
    assertThat(bank.returnDirectDebit("loan-1:debit:1", "MD01")).isEqualTo(returned);
    assertThat(bank.outcome("loan-1:debit:1")).isEqualTo(returned);
    assertThat(bank.transfer("loan-1:debit:1").orElseThrow().returnCode()).isEqualTo("AM04");
  }

  @Test
  void aDirectDebitReturnedBeforeItsDateIsNeverSettled() {
    bank.submit(debit("loan-1:debit:1", 100_000, MONDAY));

    BankOutcome returned = bank.returnDirectDebit("loan-1:debit:1", "MD01");
    clock.setParis(MONDAY, LocalTime.NOON);

    assertThat(bank.outcome("loan-1:debit:1")).isEqualTo(returned);
    assertThat(returned.settledAt()).isNull();
  }

  @Test
  void aDebitWithdrawnBeforeItsDateIsNeverExecuted() {
    bank.submit(debit("loan-1:debit:1", 100_000, MONDAY));

    BankOutcome withdrawn = bank.withdraw("loan-1:debit:1");
    BankOutcome again = bank.withdraw("loan-1:debit:1");
    clock.setParis(MONDAY.plusDays(7), LocalTime.NOON);

    assertThat(withdrawn.status()).isEqualTo(BankTransferStatus.WITHDRAWN);
    assertThat(again).isEqualTo(withdrawn);
    assertThat(bank.outcome("loan-1:debit:1")).isEqualTo(withdrawn);
    BankTransfer stored = bank.transfer("loan-1:debit:1").orElseThrow();
    assertThat(stored.status()).isEqualTo(BankTransferStatus.WITHDRAWN);
    assertThat(stored.settledAt()).isNull();
    assertThatThrownBy(() -> bank.returnDirectDebit("loan-1:debit:1", "AM04"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTransferWhoseDayHasComeCanNoLongerBeWithdrawn() {
    bank.submit(debit("loan-1:debit:1", 100_000, MONDAY));
    bank.submit(payout("loan-2:payout", 100_000, WEDNESDAY));
    clock.setParis(MONDAY, LocalTime.of(0, 30));

    // Nobody asked for the debit's outcome before: the withdrawal finds it settled.
    assertThat(bank.withdraw("loan-1:debit:1").status()).isEqualTo(BankTransferStatus.SETTLED);
    assertThat(bank.withdraw("loan-2:payout").status()).isEqualTo(BankTransferStatus.SETTLED);
  }

  // ---------------------------------------------------------------------------------------------
  // Incoming credits

  @Test
  void aCreditReceivedTwiceWithTheSameBankReferenceIsStoredOnce() {
    long first =
        bank.receiveCredit("BANKREF-1", "FR76VIRTUAL", "DE89370400440532013000", 50_000, "RF18X");
    long second =
        bank.receiveCredit("BANKREF-1", "FR76VIRTUAL", "DE89370400440532013000", 50_000, "RF18X");
    long other = bank.receiveCredit("BANKREF-2", "FR76VIRTUAL", null, 1_000, null);

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(
            jdbc.sql(
                    "select count(*) from bank_incoming_credits where bank_reference = 'BANKREF-1'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select status from bank_incoming_credits where id = :id")
                .param("id", first)
                .query(String.class)
                .single())
        .isEqualTo("RECEIVED");
    assertThatThrownBy(() -> bank.receiveCredit("BANKREF-3", "FR76VIRTUAL", null, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------------------------------------

  private static BankInstruction payout(String paymentId, long amountCents, LocalDate date) {
    return new BankInstruction(
        paymentId, BankDirection.OUT, amountCents, IBAN, BIC, null, "RF18LOAN", date);
  }

  private static BankInstruction debit(String paymentId, long amountCents, LocalDate date) {
    return new BankInstruction(
        paymentId, BankDirection.DEBIT, amountCents, IBAN, BIC, "MNDT-1", "RF18LOAN", date);
  }

  private static Instant parisMidnight(LocalDate date) {
    return ZonedDateTime.of(date, LocalTime.MIDNIGHT, PARIS).toInstant();
  }
}
