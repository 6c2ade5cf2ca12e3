package dev.avance.activities.billing;

import static dev.avance.activities.billing.BillingFixtures.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.workflows.billing.BillDebit;
import dev.avance.workflows.billing.BillPayment;
import dev.avance.workflows.billing.BillStatus;
import dev.avance.workflows.billing.BillingActivities;
import dev.avance.workflows.billing.BillsGenerated;
import dev.avance.workflows.billing.BillsToCollect;
import dev.avance.workflows.billing.CloseSettledLoans;
import dev.avance.workflows.billing.CollectPage;
import dev.avance.workflows.billing.DebitsInstructed;
import dev.avance.workflows.billing.GenerateBills;
import dev.avance.workflows.billing.InstructedDebit;
import dev.avance.workflows.billing.IssueBills;
import dev.avance.workflows.billing.IssuedBills;
import dev.avance.workflows.billing.PayerType;
import dev.avance.workflows.billing.PaymentsRecorded;
import dev.avance.workflows.billing.RecordPayments;
import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.ReservationChange;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.rules.Interest;
import dev.avance.workflows.rules.TargetCalendar;
import io.temporal.failure.ApplicationFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@link BillingActivitiesImpl} and {@link BillRepository} on a real PostgreSQL: the bulk accrual
 * over principal timelines, the payers, idempotency, issuing, collecting and closing loans.
 */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BillingActivitiesTest extends RealPostgresTest {
  private static final YearMonth NOV = YearMonth.of(2026, 11);
  private static final YearMonth DEC = YearMonth.of(2026, 12);

  @Autowired BillingActivities billing;
  @Autowired BillRepository bills;
  @Autowired BillTransferPayments payments;
  @Autowired JdbcClient jdbc;
  @Autowired CreditLineActivities credit;
  BillingFixtures f;

  static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeEach
  void cleanSlate() {
    f = new BillingFixtures(jdbc);
    f.reset();
    f.platform("plat-a", "AUTO");
    f.platform("plat-b", "AUTO");
    f.borrower("b-sdd", "plat-a");
    f.mandate("b-sdd", "plat-a");
    f.borrower("b-sct", "plat-a");
    f.borrower("b-other", "plat-b");
  }

  /** The scheduled run of a period: on the 1st of the next month, 06:00 in Paris. */
  private BillsGenerated run(YearMonth period) {
    return runAt(period, paris(period.plusMonths(1).atDay(1), 6, 0));
  }

  private BillsGenerated runAt(YearMonth period, Instant at) {
    return billing.generate(new GenerateBills(period, at, 3));
  }

  record Line(
      String billId,
      YearMonth period,
      LocalDate from,
      LocalDate to,
      int days,
      long billed,
      java.math.BigDecimal exact,
      boolean fullyBilled) {}

  private List<Line> lines(String loanId) {
    return jdbc.sql(
            """
            select bill_id, period, accrued_from, accrued_to, days, billed_cents, interest_exact,
                fully_billed
            from bill_lines where loan_id = :id order by period
            """)
        .param("id", loanId)
        .query(
            (rs, n) ->
                new Line(
                    rs.getString("bill_id"),
                    YearMonth.from(rs.getObject("period", LocalDate.class)),
                    rs.getObject("accrued_from", LocalDate.class),
                    rs.getObject("accrued_to", LocalDate.class),
                    rs.getInt("days"),
                    rs.getLong("billed_cents"),
                    rs.getBigDecimal("interest_exact"),
                    rs.getBoolean("fully_billed")))
        .list();
  }

  private BillRow bill(String platformId, String billId) {
    return bills.findById(platformId, billId).orElseThrow();
  }

  private String loanStatus(String loanId) {
    return jdbc.sql("select status from loans where id = :id")
        .param("id", loanId)
        .query(String.class)
        .single();
  }

  // ---------------------------------------------------------------------------------------------
  // Accrual

  @Test
  void theGuidesExampleFiveHundredEurosForThirtyDaysCostsSevenFifty() {
    f.loan(
        "l-1", "plat-a", "b-sdd", 50_000, paris(LocalDate.of(2026, 11, 10), 9, 0), "DIRECT_DEBIT");
    f.repay("l-1", "sdd-1", 50_000, paris(LocalDate.of(2026, 12, 10), 10, 0), 0, "TO_REPAY_FEES");

    run(NOV);
    run(DEC);

    List<Line> lines = lines("l-1");
    assertThat(lines).extracting(Line::days).containsExactly(21, 9);
    assertThat(lines).extracting(Line::billed).containsExactly(525L, 225L);
    assertThat(lines.stream().mapToLong(Line::billed).sum()).isEqualTo(750);
    assertThat(lines.get(0).from()).isEqualTo(LocalDate.of(2026, 11, 10));
    assertThat(lines.get(0).to()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(lines).extracting(Line::fullyBilled).containsExactly(false, true);
  }

  @Test
  void aLoanRepaidOnItsPayoutDayCostsOneDayBilledInItsPayoutMonth() {
    LocalDate lastDay = LocalDate.of(2026, 11, 30);
    f.loan("l-1", "plat-a", "b-sdd", 50_000, paris(lastDay, 22, 0), "DIRECT_DEBIT");
    f.repay("l-1", "sdd-1", 50_000, paris(lastDay, 23, 30), 0, "TO_REPAY_FEES");

    run(NOV);
    run(DEC);

    List<Line> lines = lines("l-1");
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).period()).isEqualTo(NOV);
    assertThat(lines.get(0).days()).isEqualTo(1);
    assertThat(lines.get(0).billed()).isEqualTo(25);
    assertThat(lines.get(0).fullyBilled()).isTrue();
  }

  @Test
  void aPartRepaidOnThePayoutDayStillCostsThatDay() {
    LocalDate day = LocalDate.of(2026, 11, 2);
    f.loan("l-1", "plat-a", "b-sct", 100_000, paris(day, 9, 0), "SCT");
    f.repay("l-1", "in-1", 60_000, paris(day, 15, 0), 40_000, null);
    f.repay("l-1", "in-2", 40_000, paris(day.plusDays(10), 15, 0), 0, "CLOSED");

    run(NOV);

    // Day 1 on 100,000 (the payout day is charged whole), then 9 days on 40,000.
    List<Line> lines = lines("l-1");
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).days()).isEqualTo(10);
    assertThat(lines.get(0).exact())
        .isEqualByComparingTo(Interest.accrued(100_000, 1).add(Interest.accrued(40_000, 9)));
  }

  /**
   * A debit returned after it settled (CreditLineActivities.reinstate) raises the principal again
   * from the day of the return: the loan, billed out by then, is billed again for the days after
   * the return, and the bills still add up to the loan's total interest rounded once.
   */
  @Test
  void aReturnedRepaymentIsBilledAgainFromTheDayOfTheReturn() {
    f.loan(
        "l-1", "plat-a", "b-sdd", 12_345, paris(LocalDate.of(2026, 11, 3), 9, 0), "DIRECT_DEBIT");
    credit.repay(
        new ReservationChange("l-1", 12_345, "debit-1", paris(LocalDate.of(2026, 11, 20), 9, 0)));
    run(NOV);
    assertThat(lines("l-1")).extracting(Line::fullyBilled).containsExactly(true);

    credit.reinstate(
        new ReservationChange("l-1", 0, "debit-1", paris(LocalDate.of(2026, 12, 10), 10, 0)));
    assertThat(lines("l-1")).extracting(Line::fullyBilled).containsExactly(false);
    run(DEC);

    List<Line> lines = lines("l-1");
    assertThat(lines).extracting(Line::period).containsExactly(NOV, DEC);
    assertThat(lines).extracting(Line::days).containsExactly(17, 22);
    assertThat(lines.get(1).from()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(lines.get(1).exact()).isEqualByComparingTo(Interest.accrued(12_345, 22));
    assertThat(lines.get(1).fullyBilled()).as("the principal is owed again").isFalse();
    assertThat(lines.stream().mapToLong(Line::billed).sum())
        .isEqualTo(Interest.roundToCents(Interest.accrued(12_345, 17 + 22)));
  }

  @Test
  void generatingAPeriodTwiceWritesNothingTheSecondTime() {
    f.loan(
        "l-1", "plat-a", "b-sdd", 12_345, paris(LocalDate.of(2026, 11, 3), 9, 0), "DIRECT_DEBIT");
    f.loan("l-2", "plat-a", "b-sct", 99_999, paris(LocalDate.of(2026, 11, 4), 9, 0), "SCT");

    BillsGenerated first = run(NOV);
    BillsGenerated second = run(NOV);

    assertThat(first.bills()).isEqualTo(2);
    assertThat(first.lines()).isEqualTo(2);
    assertThat(second).isEqualTo(new BillsGenerated(0, 0, 0));
    assertThat(jdbc.sql("select count(*) from bills").query(Integer.class).single()).isEqualTo(2);
  }

  @Test
  void thePayerIsTheBorrowerForDirectDebitsAndThePlatformOtherwiseUnlessThePlatformSaysSo() {
    f.platform("plat-pays", "PLATFORM");
    f.platform("plat-borrowers-pay", "BORROWER");
    f.borrower("b-p1", "plat-pays");
    f.borrower("b-p2", "plat-borrowers-pay");
    Instant paid = paris(LocalDate.of(2026, 11, 3), 9, 0);
    f.loan("sdd", "plat-a", "b-sdd", 10_000, paid, "DIRECT_DEBIT");
    f.loan("sct", "plat-a", "b-sct", 20_000, paid, "SCT");
    f.loan("sdd-forced", "plat-pays", "b-p1", 30_000, paid, "DIRECT_DEBIT");
    f.loan("sct-forced", "plat-borrowers-pay", "b-p2", 40_000, paid, "SCT");

    run(NOV);

    assertThat(bill("plat-a", lines("sdd").get(0).billId()))
        .satisfies(
            b -> {
              assertThat(b.payerType()).isEqualTo(PayerType.BORROWER);
              assertThat(b.payerId()).isEqualTo("b-sdd");
              assertThat(b.borrowerId()).isEqualTo("b-sdd");
              assertThat(b.status()).isEqualTo(BillStatus.GENERATED);
              assertThat(b.totalCents()).isEqualTo(lines("sdd").get(0).billed());
              assertThat(b.billDate()).isEqualTo(LocalDate.of(2026, 12, 1));
              assertThat(b.dueDate())
                  .isEqualTo(TargetCalendar.addBusinessDays(LocalDate.of(2026, 12, 1), 3));
            });
    assertThat(bill("plat-a", lines("sct").get(0).billId()).payerType())
        .isEqualTo(PayerType.PLATFORM);
    assertThat(bill("plat-a", lines("sct").get(0).billId()).payerId()).isEqualTo("plat-a");
    assertThat(bill("plat-pays", lines("sdd-forced").get(0).billId()).payerType())
        .isEqualTo(PayerType.PLATFORM);
    assertThat(bill("plat-borrowers-pay", lines("sct-forced").get(0).billId()).payerId())
        .isEqualTo("b-p2");
  }

  @Test
  void aPeriodBilledBeforeItEndsChargesTheDaysSoFarAndTheNextBillCatchesUp() {
    f.loan("l-1", "plat-a", "b-sct", 50_000, paris(LocalDate.of(2026, 11, 3), 9, 0), "SCT");
    f.loan("l-2", "plat-a", "b-sct", 80_000, paris(LocalDate.of(2026, 11, 25), 9, 0), "SCT");

    runAt(NOV, paris(LocalDate.of(2026, 11, 20), 10, 0));
    // The scheduled run of the period finds it billed already.
    assertThat(run(NOV).lines()).isEqualTo(1);
    run(DEC);

    List<Line> first = lines("l-1");
    assertThat(first)
        .extracting(Line::from)
        .containsExactly(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 20));
    assertThat(first)
        .extracting(Line::to)
        .containsExactly(LocalDate.of(2026, 11, 20), LocalDate.of(2027, 1, 1));
    assertThat(first).extracting(Line::days).containsExactly(17, 42);
    assertThat(first.stream().mapToLong(Line::billed).sum())
        .isEqualTo(Interest.roundToCents(Interest.accrued(50_000, 59)));
    // l-2 was paid out after the early run: billed by the period's scheduled run.
    assertThat(lines("l-2")).extracting(Line::period).containsExactly(NOV, DEC);
    assertThat(lines("l-2").get(0).days()).isEqualTo(6);
  }

  @Test
  void aPeriodThatHasNotBegunIsRefused() {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> runAt(YearMonth.of(2027, 1), paris(LocalDate.of(2026, 12, 31), 23, 0)));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(IllegalArgumentException.class.getName());
  }

  // ---------------------------------------------------------------------------------------------
  // Issuing, collecting, closing

  @Test
  void billsAreIssuedPageByPageCollectedAndTheirLoansClosed() {
    f.borrower("b-nomandate", "plat-a");
    Instant paid = paris(LocalDate.of(2026, 11, 3), 9, 0);
    f.loan("sdd", "plat-a", "b-sdd", 100_000, paid, "DIRECT_DEBIT");
    f.repay("sdd", "debit-1", 100_000, paris(LocalDate.of(2026, 11, 20), 9, 0), 0, "TO_REPAY_FEES");
    f.loan("sct", "plat-a", "b-sct", 20_000, paid, "SCT");
    f.loan("nomandate", "plat-a", "b-nomandate", 30_000, paid, "DIRECT_DEBIT");
    f.loan("tiny", "plat-b", "b-other", 1, paid, "SCT");
    f.repay("tiny", "in-1", 1, paid.plusSeconds(60), 0, "CLOSED");
    run(NOV);
    Instant at = paris(LocalDate.of(2026, 12, 1), 6, 1);

    List<BillDebit> debits = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    int issuedCount = 0;
    IssuedBills page;
    do {
      page = billing.issue(new IssueBills(NOV, cursor, 2, at));
      debits.addAll(page.debits());
      issuedCount += page.issued();
      cursor = page.lastBillId();
      pages++;
    } while (page.more());

    assertThat(issuedCount).isEqualTo(4);
    assertThat(pages).isEqualTo(2);
    String sddBill = lines("sdd").get(0).billId();
    assertThat(debits).hasSize(1);
    BillDebit debit = debits.get(0);
    assertThat(debit.billId()).isEqualTo(sddBill);
    assertThat(debit.amountCents()).isEqualTo(Interest.roundToCents(Interest.accrued(100_000, 17)));
    assertThat(debit.mandateReference()).isEqualTo("MANDATE-b-sdd");
    assertThat(debit.billDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(bill("plat-a", sddBill).status()).isEqualTo(BillStatus.VALIDATED);
    assertThat(bill("plat-a", lines("sct").get(0).billId()).status()).isEqualTo(BillStatus.TO_PAY);
    assertThat(bill("plat-a", lines("nomandate").get(0).billId()).status())
        .isEqualTo(BillStatus.TO_PAY);
    // Half a hundredth of a cent of interest: a bill of 0, paid as soon as it is issued.
    assertThat(bill("plat-b", lines("tiny").get(0).billId()).status()).isEqualTo(BillStatus.PAID);
    // Issuing again finds nothing left but the VALIDATED bill, whose debit it returns again.
    assertThat(billing.issue(new IssueBills(NOV, null, 10, at)).debits())
        .extracting(BillDebit::billId)
        .containsExactly(sddBill);

    String paymentId = "bill-" + sddBill + ":debit";
    billing.debitsInstructed(
        new DebitsInstructed(List.of(new InstructedDebit(sddBill, paymentId)), at));
    billing.debitsInstructed(
        new DebitsInstructed(List.of(new InstructedDebit(sddBill, paymentId)), at));
    assertThat(bill("plat-a", sddBill).status()).isEqualTo(BillStatus.TO_PAY);
    assertThat(bill("plat-a", sddBill).paymentId()).isEqualTo(paymentId);
    BillsToCollect toCollect = billing.toCollect(new CollectPage(NOV, null, 10));
    assertThat(toCollect.bills()).containsExactly(new InstructedDebit(sddBill, paymentId));
    assertThat(toCollect.more()).isFalse();

    Instant settled = paris(LocalDate.of(2026, 12, 4), 0, 0);
    RecordPayments outcome =
        new RecordPayments(
            List.of(new BillPayment(sddBill, paymentId, PaymentStatus.PAID, settled, null)), at);
    PaymentsRecorded recorded = billing.recordPayments(outcome);
    PaymentsRecorded again = billing.recordPayments(outcome);

    assertThat(recorded).isEqualTo(new PaymentsRecorded(1, 0, 1));
    assertThat(again).isEqualTo(new PaymentsRecorded(0, 0, 0));
    assertThat(bill("plat-a", sddBill).status()).isEqualTo(BillStatus.PAID);
    assertThat(bill("plat-a", sddBill).paidAt()).isEqualTo(settled);
    assertThat(loanStatus("sdd")).isEqualTo("CLOSED");
    assertThat(billing.toCollect(new CollectPage(NOV, null, 10)).bills()).isEmpty();
    assertThat(
            jdbc.sql("select event_type from domain_events where entity_id = :id order by id")
                .param("id", sddBill)
                .query(String.class)
                .list())
        .containsExactly("bill.GENERATED", "bill.VALIDATED", "bill.TO_PAY", "bill.PAID");
    assertThat(
            jdbc.sql(
                    "select count(*) from domain_events where entity_id = 'sdd'"
                        + " and event_type = 'loan.CLOSED'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aPlatformThatPaysTheInterestOfDirectDebitLoansClosesThemWhenItPaysItsBill() {
    f.platform("plat-pays", "PLATFORM");
    f.borrower("b-pays", "plat-pays");
    f.mandate("b-pays", "plat-pays");
    Instant paid = paris(LocalDate.of(2026, 11, 3), 9, 0);
    f.loan("sdd-p", "plat-pays", "b-pays", 100_000, paid, "DIRECT_DEBIT");
    f.repay(
        "sdd-p", "debit-p", 100_000, paris(LocalDate.of(2026, 11, 20), 9, 0), 0, "TO_REPAY_FEES");
    run(NOV);
    Instant at = paris(LocalDate.of(2026, 12, 1), 6, 1);
    assertThat(billing.issue(new IssueBills(NOV, null, 10, at)).debits())
        .as("the platform pays by transfer: no debit")
        .isEmpty();
    String platformBill = lines("sdd-p").get(0).billId();
    assertThat(bill("plat-pays", platformBill).status()).isEqualTo(BillStatus.TO_PAY);
    assertThat(loanStatus("sdd-p")).isEqualTo("TO_REPAY_FEES");

    Instant transfer = paris(LocalDate.of(2026, 12, 5), 11, 0);
    BillTransferPayments.Recorded recorded = payments.record(platformBill, transfer).orElseThrow();
    BillTransferPayments.Recorded again = payments.record(platformBill, null).orElseThrow();

    assertThat(recorded.bill().status()).isEqualTo(BillStatus.PAID);
    assertThat(recorded.bill().paidAt()).isEqualTo(transfer);
    assertThat(recorded.loansClosed()).isEqualTo(1);
    assertThat(loanStatus("sdd-p")).isEqualTo("CLOSED");
    assertThat(again.loansClosed()).isZero();
    assertThat(again.bill().paidAt()).isEqualTo(transfer);
    assertThat(payments.record("no-such-bill", null)).isEmpty();
  }

  @Test
  void aBillCollectedByDebitOrNotIssuedCannotBeRecordedAsPaidByTransfer() {
    Instant paid = paris(LocalDate.of(2026, 11, 3), 9, 0);
    f.loan("sdd", "plat-a", "b-sdd", 100_000, paid, "DIRECT_DEBIT");
    f.loan("sct", "plat-a", "b-sct", 20_000, paid, "SCT");
    run(NOV);
    String generated = lines("sct").get(0).billId();

    assertThatThrownBy(() -> payments.record(generated, null))
        .isInstanceOf(BillTransferPayments.NotPayable.class)
        .hasMessageContaining("GENERATED");
    Instant at = paris(LocalDate.of(2026, 12, 1), 6, 1);
    billing.issue(new IssueBills(NOV, null, 10, at));
    String sddBill = lines("sdd").get(0).billId();
    assertThatThrownBy(() -> payments.record(sddBill, null))
        .isInstanceOf(BillTransferPayments.NotPayable.class)
        .hasMessageContaining("VALIDATED");
    billing.debitsInstructed(
        new DebitsInstructed(
            List.of(new InstructedDebit(sddBill, "bill-" + sddBill + ":debit")), at));
    assertThatThrownBy(() -> payments.record(sddBill, null))
        .isInstanceOf(BillTransferPayments.NotPayable.class)
        .hasMessageContaining("direct debit");
    assertThat(bill("plat-a", sddBill).status()).isEqualTo(BillStatus.TO_PAY);
    assertThat(bill("plat-a", generated).status()).isEqualTo(BillStatus.TO_PAY);
  }

  @Test
  void aReturnedDebitLeavesTheBillToPayAndTheLoanOpen() {
    Instant paid = paris(LocalDate.of(2026, 11, 3), 9, 0);
    f.loan("sdd", "plat-a", "b-sdd", 100_000, paid, "DIRECT_DEBIT");
    f.repay("sdd", "debit-1", 100_000, paris(LocalDate.of(2026, 11, 20), 9, 0), 0, "TO_REPAY_FEES");
    run(NOV);
    Instant at = paris(LocalDate.of(2026, 12, 1), 6, 1);
    String billId = billing.issue(new IssueBills(NOV, null, 10, at)).debits().get(0).billId();
    String paymentId = "bill-" + billId + ":debit";
    billing.debitsInstructed(
        new DebitsInstructed(List.of(new InstructedDebit(billId, paymentId)), at));

    PaymentsRecorded recorded =
        billing.recordPayments(
            new RecordPayments(
                List.of(new BillPayment(billId, paymentId, PaymentStatus.RETURNED, null, "AM04")),
                at));

    assertThat(recorded).isEqualTo(new PaymentsRecorded(0, 1, 0));
    assertThat(bill("plat-a", billId).status()).isEqualTo(BillStatus.TO_PAY);
    assertThat(loanStatus("sdd")).isEqualTo("TO_REPAY_FEES");
    assertThat(billing.toCollect(new CollectPage(NOV, null, 10)).bills()).isEmpty();
    assertThat(billing.closeSettledLoans(new CloseSettledLoans(at)).loans()).isZero();
  }

  @Test
  void theSweepClosesOnlyLoansWhoseInterestIsAllBilledAndPaid() {
    Instant paid = paris(LocalDate.of(2026, 11, 3), 9, 0);
    f.loan("done", "plat-a", "b-sdd", 10_000, paid, "DIRECT_DEBIT");
    f.repay("done", "d-1", 10_000, paris(LocalDate.of(2026, 11, 10), 9, 0), 0, "TO_REPAY_FEES");
    // Repaid on 1 December: its last day, 30 November, is on the November bill.
    f.loan("edge", "plat-a", "b-sdd", 10_000, paid, "DIRECT_DEBIT");
    f.repay("edge", "d-2", 10_000, paris(LocalDate.of(2026, 12, 1), 3, 0), 0, "TO_REPAY_FEES");
    // Repaid on 2 December: 1 December is still to bill.
    f.loan("later", "plat-a", "b-sdd", 10_000, paid, "DIRECT_DEBIT");
    f.repay("later", "d-3", 10_000, paris(LocalDate.of(2026, 12, 2), 9, 0), 0, "TO_REPAY_FEES");
    run(NOV);
    String billId = lines("done").get(0).billId();
    Instant at = paris(LocalDate.of(2026, 12, 5), 9, 0);

    assertThat(billing.closeSettledLoans(new CloseSettledLoans(at)).loans()).isZero();
    jdbc.sql("update bills set status = 'PAID' where id = :id").param("id", billId).update();

    assertThat(billing.closeSettledLoans(new CloseSettledLoans(at)).loans()).isEqualTo(2);
    assertThat(loanStatus("done")).isEqualTo("CLOSED");
    assertThat(loanStatus("edge")).isEqualTo("CLOSED");
    assertThat(loanStatus("later")).isEqualTo("TO_REPAY_FEES");
  }

  @Test
  void aLoanRepaidOnThe1stAfterTheRunClosesOnceItsLastBillIsPaid() {
    Instant paid = paris(LocalDate.of(2026, 11, 3), 9, 0);
    f.loan("after-run", "plat-a", "b-sdd", 10_000, paid, "DIRECT_DEBIT");
    // The run of 1 December at 06:00 finds it still owed: its November line is not its last.
    run(NOV);
    f.repay("after-run", "d-4", 10_000, paris(LocalDate.of(2026, 12, 1), 9, 0), 0, "TO_REPAY_FEES");
    String billId = lines("after-run").get(0).billId();
    assertThat(lines("after-run").get(0).fullyBilled()).isFalse();
    jdbc.sql("update bills set status = 'PAID' where id = :id").param("id", billId).update();
    // December charges it nothing (the repayment day is not charged): no line marks it billed out.
    run(DEC);
    assertThat(lines("after-run")).hasSize(1);

    Instant at = paris(LocalDate.of(2027, 1, 1), 7, 0);
    assertThat(billing.closeSettledLoans(new CloseSettledLoans(at)).loans()).isEqualTo(1);
    assertThat(loanStatus("after-run")).isEqualTo("CLOSED");
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  @Test
  void aPlatformReadsItsOwnAndItsBorrowersBillsOnly() {
    Instant paid = paris(LocalDate.of(2026, 11, 3), 9, 0);
    f.loan("a-sdd", "plat-a", "b-sdd", 10_000, paid, "DIRECT_DEBIT");
    f.loan("a-sct", "plat-a", "b-sct", 10_000, paid, "SCT");
    f.loan("b-sct", "plat-b", "b-other", 10_000, paid, "SCT");
    run(NOV);
    String otherBill = lines("b-sct").get(0).billId();

    List<BillRow> a =
        bills.find(new BillQuery("plat-a", NOV, null, null, null, false, null, null, 10));
    List<BillRow> borrowers =
        bills.find(
            new BillQuery("plat-a", null, PayerType.BORROWER, null, null, false, null, null, 10));

    assertThat(a).extracting(BillRow::payerId).containsExactlyInAnyOrder("b-sdd", "plat-a");
    assertThat(borrowers).extracting(BillRow::payerId).containsExactly("b-sdd");
    assertThat(bills.findById("plat-a", otherBill)).isEmpty();
    assertThat(bills.findById("plat-b", otherBill)).isPresent();
    assertThat(bills.lines(otherBill)).extracting(BillLineRow::loanId).containsExactly("b-sct");
  }
}
