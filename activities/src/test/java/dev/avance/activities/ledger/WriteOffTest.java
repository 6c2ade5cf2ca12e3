package dev.avance.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.MutableClock;
import dev.avance.activities.MutableClockConfiguration;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.bank.BankInbox;
import dev.avance.activities.bank.BankTestConfiguration;
import dev.avance.activities.bank.BankTestFiles;
import dev.avance.activities.events.DomainEventRepository;
import dev.avance.activities.ledger.WriteOffs.Refusal;
import dev.avance.activities.ledger.WriteOffs.WriteOffRefused;
import dev.avance.bank.Channel;
import dev.avance.workflows.billing.BillingActivities;
import dev.avance.workflows.billing.GenerateBills;
import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.ReservationChange;
import dev.avance.workflows.credit.ReserveCredit;
import dev.avance.workflows.payment.PaymentActivities;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators' write-offs on a real PostgreSQL: a late, partially repaid loan's principal and billed
 * interest move to the write-off expense once, however often it is asked; loans that owe nothing
 * are refused; billing stops at the write-off day; money arriving afterwards is recovery income, so
 * the loan's accounts never go below zero and the check finds no break at any step.
 */
@SpringBootTest(
    classes = {
      CreditTestApplication.class,
      MutableClockConfiguration.class,
      BankTestConfiguration.class
    },
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"spring.flyway.locations=classpath:db/migration", "avance.bank.await-poll=0s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WriteOffTest extends RealPostgresTest {
  private static final Path DROP = BankTestFiles.tempDropFolder();
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String PLATFORM = LedgerPropertyTest.PLATFORM;
  private static final String BORROWER = LedgerPropertyTest.BORROWER;
  private static final String EXPENSE = Accounts.avance(Channel.LIVE, AccountKind.WRITE_OFF);
  private static final String RECOVERED =
      Accounts.avance(Channel.LIVE, AccountKind.RECOVERY_INCOME);

  @Autowired WriteOffs writeOffs;
  @Autowired Ledger ledger;
  @Autowired LedgerFacts facts;
  @Autowired LedgerCheck check;
  @Autowired BankInbox inbox;
  @Autowired PaymentActivities payments;
  @Autowired CreditLineActivities credit;
  @Autowired BillingActivities billing;
  @Autowired DomainEventRepository events;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void dropFolder(DynamicPropertyRegistry registry) {
    registry.add("avance.bank.drop-folder", DROP::toString);
  }

  @BeforeEach
  void cleanSlate() {
    fixtures().cleanSlate(PLATFORM, BORROWER);
  }

  @Test
  void aLatePartlyRepaidLoanIsWrittenOffOnceAndWhatComesAfterIsRecovered() {
    String loan = "loan-wo";
    paidOut(loan, 300_000); // 2 March, due 1 April
    clock.setParis(LocalDate.of(2026, 3, 5), LocalTime.of(10, 0));
    credit.repay(new ReservationChange(loan, 100_000, "part", clock.instant()));
    readModel(loan, 200_000);
    clock.setParis(LocalDate.of(2026, 4, 1), LocalTime.of(6, 0));
    billing.generate(new GenerateBills(YearMonth.of(2026, 3), clock.instant(), 3));
    // 300,000 for 3 days then 200,000 for 27: 450 + 2,700.
    assertThat(ledger.balance(Accounts.loan(loan, AccountKind.INTEREST))).isEqualTo(3_150);
    assertNoBreaks();

    clock.setParis(LocalDate.of(2026, 4, 10), LocalTime.of(11, 0));
    WriteOffs.Outcome first =
        writeOffs.writeOff(loan, PLATFORM, "op-1", WriteOffReason.DEFAULTED, "no answer");

    assertThat(first.created()).isTrue();
    assertThat(first.writeOff().principalCents()).isEqualTo(200_000);
    assertThat(first.writeOff().interestCents()).isEqualTo(3_150);
    assertThat(first.writeOff().penaltiesCents()).isZero();
    assertThat(lines(loan + ":write-off"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Accounts.loan(loan, AccountKind.PRINCIPAL),
                -200_000L,
                Accounts.loan(loan, AccountKind.INTEREST),
                -3_150L,
                EXPENSE,
                203_150L));
    assertThat(ledger.loanBooks(loan, today()).principalCents()).isZero();
    assertNoBreaks();

    long entries = count("ledger_entries");
    clock.setParis(LocalDate.of(2026, 4, 11), LocalTime.of(9, 0));
    WriteOffs.Outcome again =
        writeOffs.writeOff(loan, PLATFORM, "op-2", WriteOffReason.FRAUD, null);
    assertThat(again.created()).isFalse();
    assertThat(again.writeOff()).isEqualTo(first.writeOff());
    assertThat(count("ledger_entries")).isEqualTo(entries);
    assertThat(count("loan_write_offs")).isEqualTo(1);
    assertThat(events.forEntity(PLATFORM, loan))
        .filteredOn(e -> e.eventType().equals("loan.WRITTEN_OFF"))
        .hasSize(1);

    // The platform pays the March bill by transfer: its interest was written off, so it is income.
    String bill =
        jdbc.sql("select bill_id from bill_lines where loan_id = :l")
            .param("l", loan)
            .query(String.class)
            .single();
    inTransaction(
        () -> {
          facts.billPaidByOperator(bill, clock.instant());
          return null;
        });
    assertThat(ledger.balance(Accounts.loan(loan, AccountKind.INTEREST))).isZero();
    assertThat(ledger.balance(RECOVERED)).isEqualTo(-3_150);
    assertNoBreaks();

    // April accrues until the write-off day only: 200,000 for the 9 days from the 1st to the 10th.
    clock.setParis(LocalDate.of(2026, 5, 1), LocalTime.of(6, 0));
    billing.generate(new GenerateBills(YearMonth.of(2026, 4), clock.instant(), 3));
    assertThat(billed(loan, YearMonth.of(2026, 4))).isEqualTo(900);
    assertNoBreaks();

    // The borrower pays late: recovery income, the principal account stays at zero.
    clock.setParis(LocalDate.of(2026, 5, 4), LocalTime.of(10, 0));
    credit.repay(new ReservationChange(loan, 50_000, "late-transfer", clock.instant()));
    assertThat(ledger.exists(loan + ":late-transfer:applied")).isFalse();
    assertThat(lines(loan + ":late-transfer:recovery"))
        .containsEntry(RECOVERED, -50_000L)
        .hasSize(2);
    assertThat(ledger.balance(Accounts.loan(loan, AccountKind.PRINCIPAL))).isZero();
    assertThat(ledger.balance(RECOVERED)).isEqualTo(-53_150);
    assertNoBreaks();

    // Nothing accrues after the write-off, recovered money or not.
    clock.setParis(LocalDate.of(2026, 6, 1), LocalTime.of(6, 0));
    billing.generate(new GenerateBills(YearMonth.of(2026, 5), clock.instant(), 3));
    assertThat(billed(loan, YearMonth.of(2026, 5))).isZero();
    assertNoBreaks();
  }

  @Test
  void aLoanThatOwesNoPrincipalOrIsAnotherPlatformsIsRefusedAndNothingIsRecorded() {
    credit.reserve(new ReserveCredit("loan-pending", BORROWER, PLATFORM, 10_000, now()));
    loanRow("loan-pending", 10_000, "TO_PAY");
    paidOut("loan-repaid", 20_000);
    credit.repay(new ReservationChange("loan-repaid", 20_000, "all", now()));
    readModel("loan-repaid", 0);
    paidOut("loan-other", 30_000);

    assertRefused("loan-pending", PLATFORM, Refusal.NOT_PAID_OUT);
    assertRefused("loan-repaid", PLATFORM, Refusal.NOTHING_OWED);
    assertRefused("loan-none", PLATFORM, Refusal.NOT_FOUND);
    assertRefused("loan-other", "another-platform", Refusal.NOT_FOUND);
    assertThat(count("loan_write_offs")).isZero();
    assertThat(ledger.balance(EXPENSE)).isZero();
    assertNoBreaks();
  }

  @Test
  void theCheckFindsAWrittenOffLoanWhosePrincipalMovedAgain() {
    String loan = "loan-moved";
    paidOut(loan, 40_000);
    writeOffs.writeOff(loan, null, "op-1", WriteOffReason.OTHER, null);
    assertNoBreaks();
    // Written around the facts, as a bug would: a repayment credited to the principal anyway.
    inTransaction(
        () ->
            ledger.post(
                new LedgerEntry(
                    "bug",
                    EntryKind.REPAYMENT_APPLIED,
                    loan,
                    PLATFORM,
                    now(),
                    List.of(
                        LedgerLine.debit(
                            Accounts.avance(Channel.LIVE, AccountKind.CLEARING), 1_000),
                        LedgerLine.credit(Accounts.loan(loan, AccountKind.PRINCIPAL), 1_000)))));

    LedgerCheck.Report report = check.run(Duration.ZERO);
    assertThat(breaks(report, CheckName.WRITTEN_OFF_LOAN_CLEARED)).isEqualTo(1);
    assertThat(breaks(report, CheckName.NO_NEGATIVE_LOAN_BALANCE)).isEqualTo(1);
  }

  // Helpers ------------------------------------------------------------------------------------

  private void assertRefused(String loan, String platform, Refusal refusal) {
    assertThatThrownBy(
            () -> writeOffs.writeOff(loan, platform, "op-1", WriteOffReason.DEFAULTED, null))
        .isInstanceOfSatisfying(
            WriteOffRefused.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
  }

  private void assertNoBreaks() {
    fixtures().assertNoBreaks();
  }

  private void readModel(String loan, long outstanding) {
    fixtures().readModel(loan, outstanding);
  }

  private void loanRow(String loan, long amount, String status) {
    fixtures().loanRow(loan, amount, status);
  }

  private void paidOut(String loan, long amount) {
    fixtures().paidOut(loan, amount);
  }

  private LedgerFixtures fixtures() {
    return new LedgerFixtures(jdbc, clock, credit, payments, inbox, check);
  }

  private long billed(String loan, YearMonth period) {
    return jdbc.sql(
            "select coalesce(sum(billed_cents), 0) from bill_lines where loan_id = :l"
                + " and period = :p")
        .param("l", loan)
        .param("p", java.sql.Date.valueOf(period.atDay(1)))
        .query(Long.class)
        .single();
  }

  private Map<String, Long> lines(String key) {
    Map<String, Long> lines = new TreeMap<>();
    ledger.linesOf(key).forEach(l -> lines.merge(l.account(), l.amountCents(), Long::sum));
    return lines;
  }

  private static int breaks(LedgerCheck.Report report, CheckName name) {
    return report.checks().stream()
        .filter(c -> c.name() == name)
        .findFirst()
        .orElseThrow()
        .breaks();
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return new TransactionTemplate(transactions).execute(status -> work.get());
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private Instant now() {
    return clock.instant();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), PARIS);
  }
}
