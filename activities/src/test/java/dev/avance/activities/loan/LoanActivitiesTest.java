package dev.avance.activities.loan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.events.DomainEventRepository;
import dev.avance.activities.events.DomainEventRepository.DomainEvent;
import dev.avance.activities.platform.Environment;
import dev.avance.workflows.loan.BankAccount;
import dev.avance.workflows.loan.DelinquencyStage;
import dev.avance.workflows.loan.Invoice;
import dev.avance.workflows.loan.LoanActivities;
import dev.avance.workflows.loan.LoanPolicy;
import dev.avance.workflows.loan.LoanStatus;
import dev.avance.workflows.loan.LoanStatusChange;
import dev.avance.workflows.loan.LoanStatusChanges;
import dev.avance.workflows.loan.RegisterLoan;
import dev.avance.workflows.loan.RequestLoan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** {@link LoanActivitiesImpl}, the loan's read model, on a real PostgreSQL. */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoanActivitiesTest extends RealPostgresTest {
  private static final String PLATFORM = "plat-a";
  private static final String BORROWER = "b-1";
  private static final String LOAN = "loan-1";
  private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  private static final LocalDate DUE = LocalDate.of(2026, 12, 27);

  @Autowired private LoanActivities activities;
  @Autowired private LoanRepository loans;
  @Autowired private DomainEventRepository events;
  @Autowired private JdbcClient jdbc;

  @BeforeEach
  void cleanSlate() {
    jdbc.sql(
            "truncate table ledger_lines, ledger_entries, ledger_accounts, domain_events, loans, borrowers, platforms cascade")
        .update();
    TestRows rows = new TestRows(jdbc);
    rows.platform(PLATFORM, Environment.SANDBOX);
    rows.borrower(BORROWER, PLATFORM, "READY", null, T0);
    activities.register(
        new RegisterLoan(
            new RequestLoan(
                LOAN,
                PLATFORM,
                BORROWER,
                "salt-1",
                "hash-1",
                50_000,
                new Invoice("F-1", 60_000, DUE.minusDays(60), DUE, "Debtor", "1"),
                null,
                new BankAccount("FR1420041010050500013M02606", null),
                LocalDate.of(2026, 11, 27),
                DUE,
                true,
                null,
                LoanPolicy.DEFAULT),
            "RF18LOAN1",
            T0));
  }

  private static LoanStatusChange change(LoanStatus status, String reason, int sequence) {
    return new LoanStatusChange(
        LOAN,
        PLATFORM,
        status,
        reason,
        0,
        DUE,
        null,
        false,
        false,
        "DIRECT_DEBIT",
        "loan." + status,
        LOAN + ":" + sequence,
        T0.plusSeconds(sequence));
  }

  private List<String> eventTypes() {
    return events.forEntity(PLATFORM, LOAN).stream().map(DomainEvent::eventType).toList();
  }

  @Test
  void theDelinquencyStageIsStoredOnceToldAndKeptWhenNotTold() {
    LoanStatusChange late = change(LoanStatus.TO_REPAY, null, 1);
    activities.recordStatus(
        new LoanStatusChange(
            late.loanId(),
            late.platformId(),
            late.status(),
            null,
            50_000,
            late.toRepayAt(),
            null,
            true,
            false,
            "DIRECT_DEBIT",
            "loan.DELINQUENCY_OVERDUE",
            LOAN + ":1",
            T0.plusSeconds(1),
            null,
            DelinquencyStage.OVERDUE));
    // The same key again (a local activity run twice) is one event.
    activities.recordStatus(
        new LoanStatusChange(
            late.loanId(),
            late.platformId(),
            late.status(),
            null,
            50_000,
            late.toRepayAt(),
            null,
            true,
            false,
            "DIRECT_DEBIT",
            "loan.DELINQUENCY_OVERDUE",
            LOAN + ":1",
            T0.plusSeconds(1),
            null,
            DelinquencyStage.OVERDUE));
    assertThat(stage()).isEqualTo("OVERDUE");
    // A change from a loan started before the stages tells none: the stored one stays.
    activities.recordStatus(change(LoanStatus.TO_REPAY, null, 2));
    assertThat(stage()).isEqualTo("OVERDUE");
    assertThat(eventTypes()).containsOnlyOnce("loan.DELINQUENCY_OVERDUE");
  }

  private String stage() {
    return jdbc.sql("select delinquency_stage from loans where id = :id")
        .param("id", LOAN)
        .query(String.class)
        .single();
  }

  @Test
  void aBatchWritesItsChangesInOrderAndTheLastStatusWins() {
    activities.recordStatuses(
        new LoanStatusChanges(
            List.of(
                change(LoanStatus.PENDING_VALIDATION, null, 1),
                change(LoanStatus.VALIDATED, null, 2),
                change(LoanStatus.SCHEDULED, null, 3),
                change(LoanStatus.INITIATED, null, 4))));

    assertThat(loans.findById(PLATFORM, LOAN).orElseThrow().status()).isEqualTo("INITIATED");
    assertThat(eventTypes())
        .containsExactly(
            "loan.SUBMITTED",
            "loan.PENDING_VALIDATION",
            "loan.VALIDATED",
            "loan.SCHEDULED",
            "loan.INITIATED");
  }

  @Test
  void aRetriedBatchChangesNothing() {
    LoanStatusChanges batch =
        new LoanStatusChanges(
            List.of(
                change(LoanStatus.PENDING_VALIDATION, null, 1),
                change(LoanStatus.DECLINED, "INVOICE_ALREADY_FINANCED", 2)));

    assertThat(activities.recordStatuses(batch).changed()).isTrue();
    assertThat(activities.recordStatuses(batch).changed()).isFalse();

    LoanRow row = loans.findById(PLATFORM, LOAN).orElseThrow();
    assertThat(row.status()).isEqualTo("DECLINED");
    assertThat(row.denialReason()).isEqualTo("INVOICE_ALREADY_FINANCED");
    assertThat(eventTypes())
        .containsExactly("loan.SUBMITTED", "loan.PENDING_VALIDATION", "loan.DECLINED");
  }

  @Test
  void aReasonFromEarlierInTheBatchIsKept() {
    activities.recordStatuses(
        new LoanStatusChanges(
            List.of(
                change(LoanStatus.ISSUE_DETECTED, "PAYOUT_FAILED", 1),
                change(LoanStatus.ISSUE_DETECTED, null, 2))));

    assertThat(loans.findById(PLATFORM, LOAN).orElseThrow().denialReason())
        .isEqualTo("PAYOUT_FAILED");
  }

  private LoanStatusChange repaid(Instant at, Boolean repaidLate) {
    return new LoanStatusChange(
        LOAN,
        PLATFORM,
        LoanStatus.TO_REPAY_FEES,
        null,
        0,
        DUE,
        T0,
        false,
        false,
        "DIRECT_DEBIT",
        "loan.TO_REPAY_FEES",
        LOAN + ":9",
        at,
        repaidLate);
  }

  @Test
  void aDebitCollectedTheBusinessDayAfterAWeekendDueDateScoresOnTime() {
    // Due Sunday 27 December, collected Monday 28: the workflow judged it on time.
    activities.recordStatus(repaid(Instant.parse("2026-12-28T10:00:00Z"), false));

    assertThat(loans.history(BORROWER).onTime()).isEqualTo(1);
    assertThat(loans.history(BORROWER).late()).isZero();
  }

  @Test
  void aLoanTheWorkflowJudgedLateScoresLateWhateverItsRepaymentDay() {
    activities.recordStatus(repaid(Instant.parse("2026-12-20T10:00:00Z"), true));

    assertThat(loans.history(BORROWER).late()).isEqualTo(1);
  }

  @Test
  void aLoanRecordedBeforeTheWorkflowJudgedItIsScoredByItsRepaymentDay() {
    activities.recordStatus(repaid(Instant.parse("2026-12-28T10:00:00Z"), null));

    assertThat(loans.history(BORROWER).late()).isEqualTo(1);
  }
}
