package dev.avance.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.MutableClock;
import dev.avance.activities.TestRows;
import dev.avance.activities.bank.BankInbox;
import dev.avance.activities.bank.BankTestFiles;
import dev.avance.activities.bank.BankTestFiles.Booking;
import dev.avance.activities.bank.EndToEndIds;
import dev.avance.activities.billing.BillingFixtures;
import dev.avance.bank.Channel;
import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.OpenCreditLine;
import dev.avance.workflows.credit.ReservationChange;
import dev.avance.workflows.credit.ReserveCredit;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A paid-out loan of the ledger tests' borrower, as the bank and the loan's workflow leave it. */
final class LedgerFixtures {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private final JdbcClient jdbc;
  private final MutableClock clock;
  private final CreditLineActivities credit;
  private final PaymentActivities payments;
  private final BankInbox inbox;
  private final LedgerCheck check;

  LedgerFixtures(
      JdbcClient jdbc,
      MutableClock clock,
      CreditLineActivities credit,
      PaymentActivities payments,
      BankInbox inbox,
      LedgerCheck check) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.credit = credit;
    this.payments = payments;
    this.inbox = inbox;
    this.check = check;
  }

  /**
   * The ledger tests' starting point: no bills, no bank files, 2 March 2026 at 9:00 in Paris, and a
   * READY borrower of a platform that pays the fees, with an open line of 1,000,000 euros.
   */
  TestRows cleanSlate(String platform, String borrower) {
    new BillingFixtures(jdbc).reset();
    jdbc.sql("truncate table bank_entries, bank_messages, bank_incoming_credits cascade").update();
    clock.setParis(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0));
    TestRows rows = new TestRows(jdbc);
    rows.platform(platform);
    jdbc.sql("update platforms set fees_payer = 'PLATFORM' where id = :p")
        .param("p", platform)
        .update();
    rows.borrower(borrower, platform, "READY", LedgerPropertyTest.VIRTUAL_IBAN, clock.instant());
    credit.open(
        new OpenCreditLine(
            borrower,
            platform,
            100_000_000L,
            Instant.parse("2099-01-01T00:00:00Z"),
            clock.instant()));
    return rows;
  }

  void assertNoBreaks() {
    LedgerCheck.Report report = check.run(Duration.ZERO);
    assertThat(report.breaks()).as(report.toString()).isZero();
  }

  /** What the loan's workflow records when it next waits. */
  void readModel(String loan, long outstanding) {
    jdbc.sql("update loans set outstanding_principal_cents = :o, updated_at = now() where id = :l")
        .param("o", outstanding)
        .param("l", loan)
        .update();
  }

  void loanRow(String loan, long amount, String status) {
    jdbc.sql(
            """
            insert into loans (id, platform_id, borrower_id, salt_id, request_hash, loan_type,
                status, amount_cents, outstanding_principal_cents, invoice_number,
                invoice_amount_cents, loan_to_iban, to_pay_at, to_repay_at, requested_to_repay_at,
                auto_validate, remittance_reference, repayment_method, created_at, updated_at)
            values (:id, :p, :b, :id, 'hash', 'INVOICE_BASED_FINANCING', :status, :amount,
                :amount, :id, :amount, :iban, :day, :due, :due, true, :id, 'SCT', now(), now())
            """)
        .param("id", loan)
        .param("p", LedgerPropertyTest.PLATFORM)
        .param("b", LedgerPropertyTest.BORROWER)
        .param("status", status)
        .param("amount", amount)
        .param("iban", LedgerPropertyTest.PAYEE_IBAN)
        .param("day", today())
        .param("due", today().plusDays(30))
        .update();
  }

  void paidOut(String loan, long amount) {
    credit.reserve(
        new ReserveCredit(
            loan, LedgerPropertyTest.BORROWER, LedgerPropertyTest.PLATFORM, amount, now()));
    loanRow(loan, amount, "TO_REPAY");
    payments.instruct(
        new InstructPayment(
            loan + ":payout",
            loan,
            LedgerPropertyTest.PLATFORM,
            LedgerPropertyTest.BORROWER,
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
        BankTestFiles.notification(
            "PO-" + loan,
            BankTestFiles.AVANCE_IBAN,
            Booking.debit("PO-" + loan, amount)
                .endToEndId(EndToEndIds.of(loan + ":payout"))
                .on(today())));
    credit.confirm(new ReservationChange(loan, 0, "payout settled", now()));
    jdbc.sql(
            "update loans set paid_at = (select paid_at from payments where payment_id = :p)"
                + " where id = :l")
        .param("p", loan + ":payout")
        .param("l", loan)
        .update();
  }

  private Instant now() {
    return clock.instant();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), PARIS);
  }
}
