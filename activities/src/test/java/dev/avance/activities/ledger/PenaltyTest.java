package dev.avance.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.MutableClock;
import dev.avance.activities.MutableClockConfiguration;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.bank.BankInbox;
import dev.avance.activities.bank.BankTestConfiguration;
import dev.avance.activities.bank.BankTestFiles;
import dev.avance.activities.billing.BillLineRow;
import dev.avance.activities.billing.BillRepository;
import dev.avance.activities.billing.BillRow;
import dev.avance.activities.billing.BillTransferPayments;
import dev.avance.activities.billing.BillingActivitiesImpl;
import dev.avance.activities.billing.BillingProperties;
import dev.avance.activities.loan.LoanFeesNotifier;
import dev.avance.activities.loan.LoanPayoffs;
import dev.avance.activities.loan.LoanPayoffs.Payoff;
import dev.avance.bank.Channel;
import dev.avance.workflows.billing.BillingActivities;
import dev.avance.workflows.billing.GenerateBills;
import dev.avance.workflows.billing.IssueBills;
import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.ReservationChange;
import dev.avance.workflows.payment.PaymentActivities;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.groups.Tuple;
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
 * The optional penalty on late principal, on a real PostgreSQL, with the rate set to 0.02 % a day:
 * a late, partially repaid loan's April bill has a penalty of its own on the days after its due
 * date, in the bill's total, posted to the loan's penalties receivable and cleared when the bill is
 * paid, with no break at any step. The same loan with the rate 0 is billed and booked as without
 * penalties.
 */
@SpringBootTest(
    classes = {
      CreditTestApplication.class,
      MutableClockConfiguration.class,
      BankTestConfiguration.class
    },
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.flyway.locations=classpath:db/migration",
      "avance.bank.await-poll=0s",
      "avance.billing.penalty-daily-rate=0.0002"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PenaltyTest extends RealPostgresTest {
  private static final Path DROP = BankTestFiles.tempDropFolder();
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String PLATFORM = LedgerPropertyTest.PLATFORM;
  private static final String BORROWER = LedgerPropertyTest.BORROWER;
  private static final String LOAN = "loan-late";
  private static final YearMonth MARCH = YearMonth.of(2026, 3);
  private static final YearMonth APRIL = YearMonth.of(2026, 4);
  private static final String PENALTIES = Accounts.loan(LOAN, AccountKind.PENALTIES);
  private static final String INTEREST = Accounts.loan(LOAN, AccountKind.INTEREST);
  private static final String INCOME = Accounts.avance(Channel.LIVE, AccountKind.PENALTY_INCOME);

  @Autowired BillingActivities billing;
  @Autowired BillRepository bills;
  @Autowired BillTransferPayments transfers;
  @Autowired LoanFeesNotifier notifier;
  @Autowired Ledger ledger;
  @Autowired LoanPayoffs payoffs;
  @Autowired LedgerFacts facts;
  @Autowired LedgerCheck check;
  @Autowired BankInbox inbox;
  @Autowired PaymentActivities payments;
  @Autowired CreditLineActivities credit;
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
  void aLatePartlyRepaidLoanIsBilledItsPenaltyOnItsOwnLineBookedAndClearedWhenPaid() {
    lateLoan(billing);

    // March ends before the due date (1 April): no penalty, only interest.
    BillLineRow march = line(MARCH);
    assertThat(march.penaltyDays()).isZero();
    assertThat(march.penaltyCents()).isZero();
    assertThat(ledger.exists("penalty:" + LOAN + ":2026-03")).isFalse();

    // Late from 2 April: 200,007 for the 9 days to the 10th, then 150,007 for the 20 days to the
    // 30th. 4,800,203 cent-days at 0.0002 is 960.0406 cents, billed 960.
    BillLineRow april = line(APRIL);
    assertThat(april.penaltyDays()).isEqualTo(29);
    assertThat(april.penaltyPrincipalDays()).isEqualTo(4_800_203L);
    assertThat(april.penaltyExact()).isEqualByComparingTo("960.0406");
    assertThat(april.penaltyCents()).isEqualTo(960);
    // Interest as without penalties: 5,650.21 through April rounded, minus March's 3,150.
    assertThat(april.billedCents()).isEqualTo(2_500);
    BillRow bill = bill(APRIL);
    assertThat(bill.totalCents()).isEqualTo(3_460);
    assertThat(bill.linesCount()).as("loans on the bill").isEqualTo(1);
    assertThat(ledger.balance(PENALTIES)).isEqualTo(960);
    assertThat(ledger.balance(INCOME)).isEqualTo(-960);
    assertThat(ledger.balance(INTEREST)).isEqualTo(3_150 + 2_500);
    assertNoBreaks();

    // Generated again (a retried activity): nothing more is billed or booked.
    long entries = count("ledger_entries");
    billing.generate(new GenerateBills(APRIL, clock.instant(), 3));
    assertThat(bill(APRIL).totalCents()).isEqualTo(3_460);
    assertThat(count("ledger_entries")).isEqualTo(entries);
    assertThat(ledger.balance(PENALTIES)).isEqualTo(960);

    // The platform pays both bills by transfer: interest and penalties receivable cleared.
    billing.issue(new IssueBills(MARCH, null, 100, clock.instant()));
    billing.issue(new IssueBills(APRIL, null, 100, clock.instant()));
    transfers.record(billId(MARCH), clock.instant());
    transfers.record(billId(APRIL), clock.instant());
    assertThat(ledger.balance(PENALTIES)).isZero();
    assertThat(ledger.balance(INTEREST)).isZero();
    assertThat(ledger.balance(INCOME)).isEqualTo(-960);
    assertThat(ledger.linesOf(billId(APRIL) + ":paid:operator"))
        .extracting(LedgerLine::account, LedgerLine::amountCents)
        .contains(Tuple.tuple(PENALTIES, -960L), Tuple.tuple(INTEREST, -2_500L));
    assertNoBreaks();
  }

  @Test
  void thePayoffOfALateLoanIncludesItsPenaltiesBilledAndToBill() {
    lateLoan(billing);

    // 1 May, April billed and not paid: 960 of penalties billed, none accrued since.
    Payoff today = payoffs.payoff(PLATFORM, LOAN, LocalDate.of(2026, 5, 1)).orElseThrow();
    assertThat(today.penaltiesCents()).isEqualTo(960);
    // 11 May: 150,007 late for 10 more days, 1,500,070 cent-days at 0.0002: 300.014, 300.
    Payoff inTen = payoffs.payoff(PLATFORM, LOAN, LocalDate.of(2026, 5, 11)).orElseThrow();
    assertThat(inTen.penaltiesCents()).isEqualTo(960 + 300);
    assertThat(inTen.totalCents())
        .isEqualTo(
            inTen.principalCents()
                + inTen.interestCents()
                + inTen.billedUnpaidCents()
                + inTen.penaltiesCents());

    // April's bill paid: only what the next bill would charge is left.
    billing.issue(new IssueBills(MARCH, null, 100, clock.instant()));
    billing.issue(new IssueBills(APRIL, null, 100, clock.instant()));
    transfers.record(billId(MARCH), clock.instant());
    transfers.record(billId(APRIL), clock.instant());
    assertThat(payoffs.payoff(PLATFORM, LOAN, LocalDate.of(2026, 5, 11)).orElseThrow())
        .extracting(Payoff::penaltiesCents)
        .isEqualTo(300L);
    assertNoBreaks();
  }

  @Test
  void withTheRateZeroTheBillsAndTheBooksAreAsWithoutPenalties() {
    // This context's bean has the rate set; rather than a second Spring context for the rate 0,
    // the same class with the default settings runs in transactions, as the bean's proxy does.
    BillingActivitiesImpl off =
        new BillingActivitiesImpl(bills, facts, notifier, new BillingProperties(BigDecimal.ZERO));
    BillingActivities inTransactions =
        (BillingActivities)
            java.lang.reflect.Proxy.newProxyInstance(
                BillingActivities.class.getClassLoader(),
                new Class<?>[] {BillingActivities.class},
                (proxy, method, args) -> inTransaction(() -> invoke(off, method, args)));
    lateLoan(inTransactions);

    BillLineRow april = line(APRIL);
    assertThat(april.penaltyDays()).isZero();
    assertThat(april.penaltyPrincipalDays()).isZero();
    assertThat(april.penaltyExact()).isEqualByComparingTo("0");
    assertThat(april.penaltyCents()).isZero();
    assertThat(april.billedCents()).isEqualTo(2_500);
    BillRow bill = bill(APRIL);
    assertThat(bill.totalCents()).isEqualTo(2_500);
    assertThat(bill.linesCount()).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from ledger_entries where entry_key like 'penalty:%'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from ledger_accounts where kind in ('PENALTIES', 'PENALTY_INCOME')")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(ledger.balance(INTEREST)).isEqualTo(3_150 + 2_500);
    assertNoBreaks();
  }

  /**
   * 300,007 paid out on 2 March, due 1 April; 100,000 repaid on 5 March, 50,000 late on 11 April;
   * March billed on 1 April, April on 1 May, by {@code run}.
   */
  private void lateLoan(BillingActivities run) {
    paidOut(LOAN, 300_007);
    assertThat(
            jdbc.sql("select to_repay_at from loans where id = :l")
                .param("l", LOAN)
                .query(LocalDate.class)
                .single())
        .isEqualTo(LocalDate.of(2026, 4, 1));
    clock.setParis(LocalDate.of(2026, 3, 5), LocalTime.of(10, 0));
    credit.repay(new ReservationChange(LOAN, 100_000, "part", clock.instant()));
    readModel(LOAN, 200_007);
    clock.setParis(LocalDate.of(2026, 4, 1), LocalTime.of(6, 0));
    run.generate(new GenerateBills(MARCH, clock.instant(), 3));
    clock.setParis(LocalDate.of(2026, 4, 11), LocalTime.of(10, 0));
    credit.repay(new ReservationChange(LOAN, 50_000, "late", clock.instant()));
    readModel(LOAN, 150_007);
    clock.setParis(LocalDate.of(2026, 5, 1), LocalTime.of(6, 0));
    run.generate(new GenerateBills(APRIL, clock.instant(), 3));
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The loan's bill of the period. */
  private String billId(YearMonth period) {
    return jdbc.sql("select bill_id from bill_lines where loan_id = :l and period = :p")
        .param("l", LOAN)
        .param("p", java.sql.Date.valueOf(period.atDay(1)))
        .query(String.class)
        .single();
  }

  /** The loan's line of the period, as the bill's reader sees it (its only loan). */
  private BillLineRow line(YearMonth period) {
    List<BillLineRow> lines = bills.lines(billId(period));
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }

  private BillRow bill(YearMonth period) {
    return bills.findForOperators(billId(period), false).orElseThrow();
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

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private <T> T inTransaction(Supplier<T> work) {
    return new TransactionTemplate(transactions).execute(status -> work.get());
  }

  private Instant now() {
    return clock.instant();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), PARIS);
  }
}
