package dev.avance.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.MutableClock;
import dev.avance.activities.MutableClockConfiguration;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.bank.BankInbox;
import dev.avance.activities.bank.BankTestConfiguration;
import dev.avance.activities.bank.BankTestFiles;
import dev.avance.activities.bank.BankTestFiles.Booking;
import dev.avance.activities.bank.EndToEndIds;
import dev.avance.bank.Channel;
import dev.avance.workflows.billing.BillingActivities;
import dev.avance.workflows.billing.GenerateBills;
import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.ReservationChange;
import dev.avance.workflows.credit.ReserveCredit;
import dev.avance.workflows.payment.IncomingCredit;
import dev.avance.workflows.payment.IncomingCreditActivities;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.SettleCredit;
import dev.avance.workflows.rules.Interest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
 * The ledger on a real PostgreSQL: posting is idempotent by business key and refuses another
 * version of a fact; the database refuses an unbalanced entry at commit; each money fact posts one
 * entry however often it is applied again; the interest shown accrues on the actual principal.
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
class LedgerTest extends RealPostgresTest {
  private static final Path DROP = BankTestFiles.tempDropFolder();
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String PLATFORM = LedgerPropertyTest.PLATFORM;
  private static final String BORROWER = LedgerPropertyTest.BORROWER;
  private static final String CASH = Accounts.avance(Channel.LIVE, AccountKind.BANK_CASH);

  @Autowired Ledger ledger;
  @Autowired LedgerCheck check;
  @Autowired BankInbox inbox;
  @Autowired PaymentActivities payments;
  @Autowired CreditLineActivities credit;
  @Autowired IncomingCreditActivities credits;
  @Autowired BillingActivities billing;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void dropFolder(DynamicPropertyRegistry registry) {
    registry.add("avance.bank.drop-folder", DROP::toString);
  }

  @BeforeEach
  void cleanSlate() {
    TestRows rows = fixtures().cleanSlate(PLATFORM, BORROWER);
    rows.borrowerName(BORROWER, "Fournitures Dupont SARL");
  }

  // Posting ------------------------------------------------------------------------------------

  @Test
  void theSameKeyWithTheSameLinesIsPostedOnceAndWithOtherLinesIsRefusedLoudly() {
    LedgerEntry entry = entry("fact-1", 500);

    assertThat(inTransaction(() -> ledger.post(entry))).isEqualTo(Ledger.Posted.POSTED);
    assertThat(inTransaction(() -> ledger.post(entry))).isEqualTo(Ledger.Posted.ALREADY_POSTED);
    // The same lines in another order, split on one account, are the same fact.
    LedgerEntry reordered =
        new LedgerEntry(
            "fact-1",
            EntryKind.UNATTRIBUTED_BOOKING,
            null,
            null,
            Instant.now(),
            List.of(
                LedgerLine.credit(suspense(), 200),
                LedgerLine.debit(CASH, 500),
                LedgerLine.credit(suspense(), 300)));
    assertThat(inTransaction(() -> ledger.post(reordered))).isEqualTo(Ledger.Posted.ALREADY_POSTED);

    assertThatThrownBy(() -> inTransaction(() -> ledger.post(entry("fact-1", 501))))
        .isInstanceOf(Ledger.ConflictingEntry.class)
        .hasMessageContaining("fact-1");
    assertThat(count("ledger_entries")).isEqualTo(1);
    assertThat(count("ledger_lines")).isEqualTo(2);
    assertThat(ledger.balance(CASH)).isEqualTo(500);
  }

  @Test
  void anUnbalancedEntryIsRefusedByTheLedgerAndByTheDatabaseAtCommit() {
    LedgerEntry unbalanced =
        new LedgerEntry(
            "fact-2",
            EntryKind.UNATTRIBUTED_BOOKING,
            null,
            null,
            Instant.now(),
            List.of(LedgerLine.debit(CASH, 500), LedgerLine.credit(suspense(), 499)));
    assertThatThrownBy(() -> inTransaction(() -> ledger.post(unbalanced)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unbalanced by 1");
    assertThatThrownBy(() -> ledger.post(entry("fact-3", 1)))
        .as("outside the fact's transaction nothing is posted")
        .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);

    inTransaction(() -> ledger.post(entry("seed", 10)));
    // Written around the component, the deferred trigger refuses it when the transaction commits.
    assertThatThrownBy(
            () ->
                inTransaction(
                    () -> {
                      long id =
                          jdbc.sql(
                                  "insert into ledger_entries (entry_key, kind, occurred_at,"
                                      + " created_at) values ('raw', 'UNATTRIBUTED_BOOKING',"
                                      + " now(), now()) returning id")
                              .query(Long.class)
                              .single();
                      jdbc.sql(
                              "insert into ledger_lines (entry_id, account, amount_cents)"
                                  + " values (:e, :a, 700), (:e, :s, -600)")
                          .param("e", id)
                          .param("a", CASH)
                          .param("s", suspense())
                          .update();
                      return null;
                    }))
        .hasMessageContaining("unbalanced by 100");
    assertThat(ledger.exists("raw")).isFalse();
    assertThatThrownBy(
            () ->
                jdbc.sql("update ledger_lines set amount_cents = 1 where account = :a")
                    .param("a", CASH)
                    .update())
        .hasMessageContaining("append-only");
  }

  // Each fact once -----------------------------------------------------------------------------

  @Test
  void eachMoneyFactPostsOneEntryHoweverOftenItIsAppliedAgain() {
    String loan = "loan-1";
    paidOut(loan, 300_000);
    String debit = loan + ":debit:1";
    instructDebit(loan, debit, 300_000);
    byte[] collected =
        booked("COL-1", Booking.credit("COL-1", 300_000).endToEndId(EndToEndIds.of(debit)));
    byte[] credit1 =
        BankTestFiles.notification(
            "IN-1",
            LedgerPropertyTest.VIRTUAL_IBAN,
            Booking.credit("TRF-1", 50_000)
                .on(today())
                .counterparty("Payer", "FR7630004000031234567890143"));
    byte[] returned =
        booked(
            "RTN-1",
            Booking.debit("RTN-1", 300_000).endToEndId(EndToEndIds.of(debit)).reversal("AM04"));
    for (int attempt = 0; attempt < 3; attempt++) {
      inbox.apply(Channel.LIVE, collected);
      // The day's statement repeats the booking under another message id: the same entry.
      inbox.apply(
          Channel.LIVE,
          booked(
              "STMT-" + attempt,
              Booking.credit("COL-1", 300_000).endToEndId(EndToEndIds.of(debit))));
      inbox.apply(Channel.LIVE, credit1);
      credit.repay(new ReservationChange(loan, 250_000, debit, clock.instant()));
      credits.settle(
          new SettleCredit(
              new IncomingCredit("TRF-1", LedgerPropertyTest.VIRTUAL_IBAN, 50_000, null, now()),
              loan,
              PLATFORM,
              null));
      credit.repay(new ReservationChange(loan, 50_000, "TRF-1", clock.instant()));
    }
    Map<String, Long> beforeReturn = kinds();
    readModel(loan, 0);
    for (int attempt = 0; attempt < 3; attempt++) {
      inbox.apply(Channel.LIVE, returned);
      credit.reinstate(new ReservationChange(loan, 0, debit, clock.instant()));
    }
    readModel(loan, 250_000);
    clock.setParis(LocalDate.of(2026, 4, 1), LocalTime.of(6, 0));
    for (int attempt = 0; attempt < 2; attempt++) {
      billing.generate(new GenerateBills(YearMonth.of(2026, 3), clock.instant(), 3));
    }

    assertThat(beforeReturn)
        .containsEntry("PAYOUT_BOOKED", 1L)
        .containsEntry("DEBIT_COLLECTED", 1L)
        .containsEntry("CREDIT_RECEIVED", 1L)
        .containsEntry("REPAYMENT_APPLIED", 2L);
    assertThat(kinds())
        .containsEntry("DEBIT_RETURNED", 1L)
        .containsEntry("REPAYMENT_REINSTATED", 1L)
        .containsEntry("BILL_INTEREST", 1L);
    Map<AccountKind, Long> books = ledger.loanBalances(loan);
    assertThat(books.get(AccountKind.PRINCIPAL)).isEqualTo(250_000);
    assertThat(ledger.balance(CASH)).isEqualTo(-300_000 + 50_000);
    assertThat(ledger.balance(Accounts.borrower(BORROWER, AccountKind.OVERPAYMENTS)))
        .as("the debit's 50,000 beyond what the loan took is the borrower's, and went back")
        .isZero();
    LedgerCheck.Report report = check.run(Duration.ZERO);
    assertThat(report.checks()).hasSize(CheckName.values().length);
    assertThat(report.breaks()).as("%s", report).isZero();
  }

  @Test
  void theCheckFindsWhatDisagreesWithTheBooks() {
    paidOut("loan-1", 100_000);
    LedgerCheck.Report clean = check.run(Duration.ZERO);
    assertThat(clean.breaks()).as("%s", clean).isZero();

    jdbc.sql("update credit_reservations set outstanding_cents = 90000 where loan_id = 'loan-1'")
        .update();
    // Recorded by its workflow before its books moved (updated_at earlier), and not since.
    jdbc.sql(
            "update loans set outstanding_principal_cents = 1, updated_at = '2026-01-01T00:00:00Z'"
                + " where id = 'loan-1'")
        .update();
    jdbc.sql("delete from bank_entries where entry_key like '%PO-loan-1%'").update();

    LedgerCheck.Report report = check.run(Duration.ZERO);
    assertThat(breaks(report, CheckName.RESERVATION_EQUALS_PRINCIPAL)).isEqualTo(1);
    assertThat(breaks(report, CheckName.LOAN_OUTSTANDING_EQUALS_PRINCIPAL)).isEqualTo(1);
    assertThat(breaks(report, CheckName.CREDIT_LINE_USED_EQUALS_OUTSTANDING_PLUS_PENDING))
        .isEqualTo(1);
    assertThat(breaks(report, CheckName.BANK_CASH_EQUALS_BANK_MOVEMENTS)).isEqualTo(1);
    assertThat(report.checks().get(2).examples())
        .containsExactly("loan-1: reservation 90000, principal 100000");
    // A loan whose books moved a moment ago may not have recorded yet: not a break within grace.
    assertThat(
            breaks(check.run(Duration.ofMinutes(1)), CheckName.LOAN_OUTSTANDING_EQUALS_PRINCIPAL))
        .isZero();
  }

  // The interest shown ---------------------------------------------------------------------------

  /**
   * The bug: fees_ongoing took the whole principal until the loan was repaid, so after a partial
   * repayment it said more than the bill. It is now the interest on what was outstanding each day,
   * exactly what billing bills.
   */
  @Test
  void feesOngoingAfterAPartialRepaymentEqualsTheBilledInterest() {
    String loan = "loan-fees";
    paidOut(loan, 500_000);
    LocalDate payoutDay = today();
    clock.setParis(LocalDate.of(2026, 3, 12), LocalTime.of(15, 30));
    credit.repay(new ReservationChange(loan, 200_000, "early-part", clock.instant()));
    // The run of the 1st bills March; the API shows that day's fees_ongoing.
    clock.setParis(LocalDate.of(2026, 4, 1), LocalTime.of(6, 0));
    billing.generate(new GenerateBills(YearMonth.of(2026, 3), clock.instant(), 3));
    long billed =
        jdbc.sql("select sum(billed_cents) from bill_lines where loan_id = :l")
            .param("l", loan)
            .query(Long.class)
            .single();

    Ledger.LoanBooks books = ledger.loanBooks(loan, today());

    // 500,000 for the 10 days from the 2nd to the 12th, then 300,000 for the 20 days to the 1st.
    assertThat(billed).isEqualTo(2_500 + 3_000);
    assertThat(books.feesOngoingCents()).isEqualTo(billed);
    assertThat(books.principalCents()).isEqualTo(300_000);
    assertThat(books.interestDueCents()).isEqualTo(billed);
    long wholePrincipal =
        Interest.roundToCents(
            Interest.accrued(500_000, ChronoUnit.DAYS.between(payoutDay, today())));
    assertThat(books.feesOngoingCents())
        .as("not the old estimate on the whole principal")
        .isLessThan(wholePrincipal);
  }

  @Test
  void aLoanRepaidOnItsPayoutDayCostsOneDayAsBillingCharges() {
    String loan = "loan-day";
    paidOut(loan, 100_000);
    credit.repay(new ReservationChange(loan, 100_000, "same-day", clock.instant()));

    assertThat(ledger.loanBooks(loan, today()).feesOngoingCents()).isEqualTo(50);
    assertThat(ledger.loanBooks(loan, today().plusDays(40)).feesOngoingCents()).isEqualTo(50);
    assertThat(ledger.loanBooks(loan, today()).principalCents()).isZero();
  }

  // Helpers ------------------------------------------------------------------------------------

  private void paidOut(String loan, long amount) {
    credit.reserve(new ReserveCredit(loan, BORROWER, PLATFORM, amount, now()));
    jdbc.sql(
            """
            insert into loans (id, platform_id, borrower_id, salt_id, request_hash, loan_type,
                status, amount_cents, outstanding_principal_cents, invoice_number,
                invoice_amount_cents, loan_to_iban, to_pay_at, to_repay_at, requested_to_repay_at,
                auto_validate, remittance_reference, repayment_method, created_at, updated_at)
            values (:id, :p, :b, :id, 'hash', 'INVOICE_BASED_FINANCING', 'TO_REPAY', :amount,
                :amount, :id, :amount, :iban, :day, :due, :due, true, :id, 'SCT', now(), now())
            """)
        .param("id", loan)
        .param("p", PLATFORM)
        .param("b", BORROWER)
        .param("amount", amount)
        .param("iban", LedgerPropertyTest.PAYEE_IBAN)
        .param("day", today())
        .param("due", today().plusDays(30))
        .update();
    payments.instruct(
        new InstructPayment(
            loan + ":payout",
            loan,
            PLATFORM,
            BORROWER,
            PaymentType.PAYOUT,
            amount,
            LedgerPropertyTest.PAYEE_IBAN,
            null,
            null,
            null,
            today(),
            now(),
            null));
    inbox.apply(
        Channel.LIVE,
        booked(
            "PO-" + loan,
            Booking.debit("PO-" + loan, amount).endToEndId(EndToEndIds.of(loan + ":payout"))));
    credit.confirm(new ReservationChange(loan, 0, "payout settled", now()));
    jdbc.sql(
            "update loans set paid_at = (select paid_at from payments where payment_id = :p)"
                + " where id = :l")
        .param("p", loan + ":payout")
        .param("l", loan)
        .update();
  }

  /** What the loan's workflow records when it next waits. */
  private void readModel(String loan, long outstanding) {
    jdbc.sql("update loans set outstanding_principal_cents = :o, updated_at = now() where id = :l")
        .param("o", outstanding)
        .param("l", loan)
        .update();
  }

  private void instructDebit(String loan, String debit, long amount) {
    new TestRows(jdbc)
        .mandate(
            BORROWER,
            PLATFORM,
            "DIRECT_DEBIT",
            "MANDATE-" + BORROWER,
            LedgerPropertyTest.DEBTOR_IBAN,
            now().minusSeconds(86_400));
    payments.instruct(
        new InstructPayment(
            debit,
            loan,
            PLATFORM,
            BORROWER,
            PaymentType.DIRECT_DEBIT,
            amount,
            LedgerPropertyTest.DEBTOR_IBAN,
            null,
            "MANDATE-" + BORROWER,
            null,
            today().plusDays(3),
            now(),
            null));
  }

  private byte[] booked(String messageId, Booking booking) {
    return BankTestFiles.notification(messageId, BankTestFiles.AVANCE_IBAN, booking.on(today()));
  }

  private static LedgerEntry entry(String key, long cents) {
    return new LedgerEntry(
        key,
        EntryKind.UNATTRIBUTED_BOOKING,
        null,
        null,
        Instant.now(),
        List.of(LedgerLine.debit(CASH, cents), LedgerLine.credit(suspense(), cents)));
  }

  private static String suspense() {
    return Accounts.avance(Channel.LIVE, AccountKind.SUSPENSE);
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return new TransactionTemplate(transactions).execute(status -> work.get());
  }

  private Map<String, Long> kinds() {
    Map<String, Long> kinds = new java.util.TreeMap<>();
    jdbc.sql("select kind, count(*) from ledger_entries group by kind")
        .query((rs, n) -> kinds.put(rs.getString(1), rs.getLong(2)))
        .list();
    return kinds;
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static int breaks(LedgerCheck.Report report, CheckName name) {
    return report.checks().stream()
        .filter(c -> c.name() == name)
        .findFirst()
        .orElseThrow()
        .breaks();
  }

  private Instant now() {
    return clock.instant();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), PARIS);
  }

  private LedgerFixtures fixtures() {
    return new LedgerFixtures(jdbc, clock, credit, payments, inbox, check);
  }
}
