package dev.avance.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.avance.activities.billing.BillTransferPayments;
import dev.avance.activities.billing.BillingFixtures;
import dev.avance.bank.Channel;
import dev.avance.bank.iso20022.TransactionStatus;
import dev.avance.workflows.billing.BillingActivities;
import dev.avance.workflows.billing.GenerateBills;
import dev.avance.workflows.billing.IssueBills;
import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.OpenCreditLine;
import dev.avance.workflows.credit.Reservation;
import dev.avance.workflows.credit.ReservationChange;
import dev.avance.workflows.credit.ReserveCredit;
import dev.avance.workflows.payment.IncomingCredit;
import dev.avance.workflows.payment.IncomingCreditActivities;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.SettleCredit;
import dev.avance.workflows.refund.RefundActivities;
import dev.avance.workflows.refund.RefundClaim;
import dev.avance.workflows.refund.RefundOutcome;
import dev.avance.workflows.refund.RefundRequest;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Random loans through random sequences of money facts, at the level of the activities and the
 * bank's files on a real PostgreSQL: payouts (booked before or after the loan confirms, or
 * rejected), partial, early and over-payments by transfer, direct debits collected and returned,
 * postponements, billing runs on any day and hour (bills paid), parked credits refunded, bookings
 * nobody can attribute, files received twice. After every step every invariant of {@link
 * LedgerCheck} holds (the very check GET /ops/ledger/check runs). A failure names its seed and the
 * steps that led to it.
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
class LedgerPropertyTest extends RealPostgresTest {
  private static final Path DROP = BankTestFiles.tempDropFolder();
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final String PLATFORM = "plat";
  static final String BORROWER = "b-1";
  static final String VIRTUAL_IBAN = "FR7630001007941234567890185";
  static final String DEBTOR_IBAN = "FR7630004000031234567890143";
  static final String PAYEE_IBAN = "FR1420041010050500013M02606";
  private static final int STEPS = 40;

  @Autowired BankInbox inbox;
  @Autowired PaymentActivities payments;
  @Autowired CreditLineActivities credit;
  @Autowired IncomingCreditActivities credits;
  @Autowired RefundActivities refunds;
  @Autowired BillingActivities billing;
  @Autowired BillTransferPayments billPayments;
  @Autowired LedgerCheck check;
  @Autowired Ledger ledger;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void dropFolder(DynamicPropertyRegistry registry) {
    registry.add("avance.bank.drop-folder", DROP::toString);
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30).map(i -> i * 7919 + 20261202L);
  }

  /** A loan as the test drives it. */
  static final class Loan {
    final String id;
    final long amount;
    String state = "RESERVED";
    long outstanding;
    int debits;
    final List<String> settledDebits = new ArrayList<>();

    Loan(String id, long amount) {
      this.id = id;
      this.amount = amount;
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyInvariantOfTheBooksHoldsAfterEveryStep(long seed) {
    Random random = new Random(seed);
    reset();
    List<Loan> loans = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    List<byte[]> files = new ArrayList<>();
    int counter = 0;
    for (int step = 0; step < STEPS; step++) {
      clock.advance(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
      counter++;
      String done;
      int pick = random.nextInt(100);
      if (pick < 18 || loans.isEmpty()) {
        done = newLoan(random, loans, "loan-" + seed + "-" + counter, files);
      } else if (pick < 26) {
        done = bookPending(loans, files);
      } else if (pick < 44) {
        done = transfer(random, loans, "TRF-" + seed + "-" + counter, files);
      } else if (pick < 58) {
        done = directDebit(random, loans, "COL-" + seed + "-" + counter, files);
      } else if (pick < 66) {
        done = returnDebit(random, loans, "RTN-" + seed + "-" + counter, files);
      } else if (pick < 72) {
        done = postpone(random, loans);
      } else if (pick < 82) {
        done = billingRun(random);
      } else if (pick < 90) {
        done = parkAndRefund(random, "PRK-" + seed + "-" + counter, files);
      } else if (pick < 95) {
        done = unattributed(random, "UNK-" + seed + "-" + counter, files);
      } else {
        done = replay(random, files);
      }
      steps.add(step + ": " + done);
      LedgerCheck.Report report = check.run(Duration.ZERO);
      assertThat(report.breaks())
          .as("seed %d, after the steps%n%s%n%s", seed, String.join("\n", steps), report)
          .isZero();
      // A page of loans reads the books in one go: each loan's figures are its own accounts'.
      List<String> ids = loans.stream().map(l -> l.id).toList();
      Map<String, Ledger.LoanBooks> page = ledger.loanBooks(ids, today());
      for (String id : ids) {
        assertThat(page.get(id).principalCents())
            .as("seed %d, %s principal", seed, id)
            .isEqualTo(ledger.balance(Accounts.loan(id, AccountKind.PRINCIPAL)));
        assertThat(page.get(id).interestDueCents())
            .as("seed %d, %s interest", seed, id)
            .isEqualTo(ledger.balance(Accounts.loan(id, AccountKind.INTEREST)));
      }
    }
    assertThat(steps).hasSize(STEPS);
  }

  // Steps --------------------------------------------------------------------------------------

  private String newLoan(Random random, List<Loan> loans, String id, List<byte[]> files) {
    long amount = 1_000 + random.nextInt(500_000);
    Loan loan = new Loan(id, amount);
    credit.reserve(new ReserveCredit(id, BORROWER, PLATFORM, amount, now()));
    insertLoan(loan);
    payments.instruct(
        new InstructPayment(
            id + ":payout",
            id,
            PLATFORM,
            BORROWER,
            PaymentType.PAYOUT,
            amount,
            PAYEE_IBAN,
            null,
            null,
            null,
            today(),
            now(),
            null));
    loans.add(loan);
    int how = random.nextInt(10);
    if (how == 0) {
      file(
          files,
          BankTestFiles.status("RJ-" + id, e2e(id + ":payout"), TransactionStatus.RJCT, "AC04"));
      credit.release(new ReservationChange(id, 0, "PAYOUT_FAILED", now()));
      loan.state = "FAILED";
      updateLoan(loan, "ISSUE_DETECTED");
      return "loan " + id + " of " + amount + ", payout rejected";
    }
    if (how < 3) {
      loan.state = "INSTRUCTED";
      return "loan " + id + " of " + amount + ", payout instructed";
    }
    book(loan, files);
    if (how < 5) {
      return "loan " + id + " of " + amount + ", payout booked, not yet confirmed";
    }
    confirm(loan);
    return "loan " + id + " of " + amount + ", paid out";
  }

  private String bookPending(List<Loan> loans, List<byte[]> files) {
    for (Loan loan : loans) {
      if (loan.state.equals("INSTRUCTED")) {
        book(loan, files);
        return "payout of " + loan.id + " booked";
      }
      if (loan.state.equals("BOOKED")) {
        confirm(loan);
        return "loan " + loan.id + " confirmed";
      }
    }
    return "nothing pending";
  }

  private void book(Loan loan, List<byte[]> files) {
    file(
        files,
        booked(
            "PO-" + loan.id,
            Booking.debit("PO-" + loan.id, loan.amount).endToEndId(e2e(loan.id + ":payout"))));
    loan.state = "BOOKED";
  }

  private void confirm(Loan loan) {
    credit.confirm(new ReservationChange(loan.id, 0, "payout settled", now()));
    Instant paidAt =
        jdbc.sql("select paid_at from payments where payment_id = :p")
            .param("p", loan.id + ":payout")
            .query(Timestamp.class)
            .single()
            .toInstant();
    loan.outstanding = loan.amount;
    loan.state = "OPEN";
    jdbc.sql("update loans set paid_at = :at where id = :id")
        .param("at", Timestamp.from(paidAt))
        .param("id", loan.id)
        .update();
    updateLoan(loan, "TO_REPAY");
  }

  /** A transfer quoting the loan: partial, exact or more than the outstanding principal. */
  private String transfer(Random random, List<Loan> loans, String ref, List<byte[]> files) {
    Loan loan = pickOpen(random, loans);
    if (loan == null) {
      return "no open loan for a transfer";
    }
    long amount =
        switch (random.nextInt(3)) {
          case 0 -> 1 + random.nextInt((int) Math.max(1, loan.outstanding));
          case 1 -> loan.outstanding;
          default -> loan.outstanding + 1 + random.nextInt(10_000);
        };
    receive(ref, amount, files);
    credits.settle(
        new SettleCredit(
            new IncomingCredit(ref, VIRTUAL_IBAN, amount, null, now()), loan.id, PLATFORM, null));
    apply(loan, ref, amount);
    return "transfer " + ref + " of " + amount + " to " + loan.id;
  }

  /** A direct debit of the outstanding principal, collected (sometimes after a transfer). */
  private String directDebit(Random random, List<Loan> loans, String ref, List<byte[]> files) {
    Loan loan = pickOpen(random, loans);
    if (loan == null) {
      return "no open loan for a debit";
    }
    String debit = loan.id + ":debit:" + (++loan.debits);
    long amount = loan.outstanding;
    payments.instruct(
        new InstructPayment(
            debit,
            loan.id,
            PLATFORM,
            BORROWER,
            PaymentType.DIRECT_DEBIT,
            amount,
            DEBTOR_IBAN,
            null,
            "MANDATE-" + BORROWER,
            null,
            today().plusDays(3),
            now(),
            null));
    String before = "";
    if (random.nextInt(4) == 0 && amount > 1) {
      long part = 1 + random.nextInt((int) (amount - 1));
      receive(ref + "-T", part, files);
      credits.settle(
          new SettleCredit(
              new IncomingCredit(ref + "-T", VIRTUAL_IBAN, part, null, now()),
              loan.id,
              PLATFORM,
              null));
      apply(loan, ref + "-T", part);
      before = " after a transfer of " + part;
    }
    file(files, booked(ref, Booking.credit(ref, amount).endToEndId(e2e(debit))));
    long applied = apply(loan, debit, amount);
    if (applied > 0) {
      loan.settledDebits.add(debit);
    }
    return "debit " + debit + " of " + amount + " collected" + before + ", applied " + applied;
  }

  /** A collected debit comes back after it settled: the principal is owed again. */
  private String returnDebit(Random random, List<Loan> loans, String ref, List<byte[]> files) {
    List<Loan> candidates = loans.stream().filter(l -> !l.settledDebits.isEmpty()).toList();
    if (candidates.isEmpty()) {
      return "no debit to return";
    }
    Loan loan = candidates.get(random.nextInt(candidates.size()));
    String debit = loan.settledDebits.remove(0);
    long amount =
        jdbc.sql("select amount_cents from payments where payment_id = :p")
            .param("p", debit)
            .query(Long.class)
            .single();
    file(files, booked(ref, Booking.debit(ref, amount).endToEndId(e2e(debit)).reversal("AM04")));
    Reservation back = credit.reinstate(new ReservationChange(loan.id, 0, debit, now()));
    loan.outstanding = back.outstandingCents();
    loan.state = "OPEN";
    updateLoan(loan, "TO_REPAY");
    return "debit " + debit + " returned, outstanding " + loan.outstanding;
  }

  private String postpone(Random random, List<Loan> loans) {
    Loan loan = loans.get(random.nextInt(loans.size()));
    int days = 1 + random.nextInt(60);
    jdbc.sql("update loans set to_repay_at = to_repay_at + :d, postponed = true where id = :id")
        .param("d", days)
        .param("id", loan.id)
        .update();
    return "loan " + loan.id + " postponed by " + days + " days";
  }

  /** A billing run at any hour of the day: this month so far, or the last one; bills paid. */
  private String billingRun(Random random) {
    LocalDate today = today();
    YearMonth period = YearMonth.from(today);
    if (random.nextBoolean()) {
      period = period.minusMonths(1);
    }
    Instant at = now();
    billing.generate(new GenerateBills(period, at, 3));
    billing.issue(new IssueBills(period, null, 1_000, at));
    List<String> toPay =
        jdbc.sql("select id from bills where status = 'TO_PAY' order by id")
            .query(String.class)
            .list();
    int paid = 0;
    for (String bill : toPay) {
      if (random.nextBoolean()) {
        billPayments.record(bill, at);
        paid++;
      }
    }
    return "billing " + period + " at " + at + ", " + paid + " bills paid";
  }

  /** Money no loan is named for: parked, then paid back to whoever sent it. */
  private String parkAndRefund(Random random, String ref, List<byte[]> files) {
    long amount = 1 + random.nextInt(50_000);
    receive(ref, amount, files);
    credits.settle(
        new SettleCredit(
            new IncomingCredit(ref, VIRTUAL_IBAN, amount, null, now()),
            null,
            PLATFORM,
            "NO_MATCHING_REFERENCE"));
    if (random.nextBoolean()) {
      return "credit " + ref + " of " + amount + " parked";
    }
    RefundClaim claim = refunds.claimRefund(new RefundRequest(ref, now()));
    String payment = "refund:" + ref;
    payments.instruct(
        new InstructPayment(
            payment,
            payment,
            claim.platformId(),
            claim.borrowerId(),
            PaymentType.REFUND,
            claim.amountCents(),
            claim.payeeIban(),
            null,
            null,
            null,
            today(),
            now(),
            claim.payeeName()));
    file(
        files,
        booked(
            "RF-" + ref, Booking.debit("RF-" + ref, claim.amountCents()).endToEndId(e2e(payment))));
    refunds.completeRefund(
        new RefundOutcome(ref, payment, claim.amountCents(), PaymentStatus.PAID, null, now()));
    return "credit " + ref + " of " + amount + " parked and refunded";
  }

  /** The bank books what names no payment of Avance's: the cash follows the bank. */
  private String unattributed(Random random, String ref, List<byte[]> files) {
    long amount = 1 + random.nextInt(20_000);
    Booking booking =
        random.nextBoolean()
            ? Booking.debit(ref, amount).endToEndId(e2e("nobody:" + ref))
            : Booking.debit(ref, amount);
    file(files, booked(ref, booking));
    return "unattributed booking " + ref + " of " + amount;
  }

  /** The bank sends a file again: nothing changes. */
  private String replay(Random random, List<byte[]> files) {
    if (files.isEmpty()) {
      return "no file to replay";
    }
    inbox.apply(Channel.LIVE, files.get(random.nextInt(files.size())));
    return "a file replayed";
  }

  // Helpers ------------------------------------------------------------------------------------

  /** The loan applies what it can of the money, as its workflow does; returns what it applied. */
  private long apply(Loan loan, String key, long amount) {
    long applied = Math.min(amount, loan.outstanding);
    if (applied > 0) {
      Reservation after = credit.repay(new ReservationChange(loan.id, applied, key, now()));
      loan.outstanding = after.outstandingCents();
    }
    if (loan.outstanding == 0) {
      loan.state = "REPAID";
      updateLoan(loan, "TO_REPAY_FEES");
    } else {
      updateLoan(loan, "TO_REPAY");
    }
    return applied;
  }

  private Loan pickOpen(Random random, List<Loan> loans) {
    List<Loan> open = loans.stream().filter(l -> l.state.equals("OPEN")).toList();
    return open.isEmpty() ? null : open.get(random.nextInt(open.size()));
  }

  private void receive(String ref, long amount, List<byte[]> files) {
    file(
        files,
        BankTestFiles.notification(
            "IN-" + ref,
            VIRTUAL_IBAN,
            Booking.credit(ref, amount).on(today()).counterparty("Payer", DEBTOR_IBAN)));
  }

  private void file(List<byte[]> files, byte[] xml) {
    inbox.apply(Channel.LIVE, xml);
    files.add(xml);
  }

  private byte[] booked(String messageId, Booking booking) {
    return BankTestFiles.notification(messageId, BankTestFiles.AVANCE_IBAN, booking.on(today()));
  }

  private void insertLoan(Loan loan) {
    jdbc.sql(
            """
            insert into loans (id, platform_id, borrower_id, salt_id, request_hash, loan_type,
                status, amount_cents, outstanding_principal_cents, invoice_number,
                invoice_amount_cents, loan_to_iban, to_pay_at, to_repay_at, requested_to_repay_at,
                auto_validate, remittance_reference, repayment_method, created_at, updated_at)
            values (:id, :p, :b, :id, 'hash', 'INVOICE_BASED_FINANCING', 'SCHEDULED', :amount, 0,
                :id, :amount, :iban, :day, :due, :due, true, :id, 'DIRECT_DEBIT', :at, :at)
            """)
        .param("id", loan.id)
        .param("p", PLATFORM)
        .param("b", BORROWER)
        .param("amount", loan.amount)
        .param("iban", PAYEE_IBAN)
        .param("day", today())
        .param("due", today().plusDays(30))
        .param("at", Timestamp.from(now()))
        .update();
  }

  /** The loan's read model, as its workflow records it when it next waits. */
  private void updateLoan(Loan loan, String status) {
    jdbc.sql(
            """
            update loans set status = :status, outstanding_principal_cents = :outstanding,
                repaid_at = case when :outstanding = 0 and :status = 'TO_REPAY_FEES'
                                 then coalesce(repaid_at, :at) else null end,
                updated_at = :at
            where id = :id
            """)
        .param("status", status)
        .param("outstanding", loan.outstanding)
        .param("at", Timestamp.from(now()))
        .param("id", loan.id)
        .update();
  }

  private void reset() {
    new BillingFixtures(jdbc).reset();
    jdbc.sql("truncate table bank_entries, bank_messages, bank_incoming_credits cascade").update();
    clock.setParis(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0));
    TestRows rows = new TestRows(jdbc);
    rows.platform(PLATFORM);
    jdbc.sql("update platforms set fees_payer = 'PLATFORM' where id = :p")
        .param("p", PLATFORM)
        .update();
    rows.borrower(BORROWER, PLATFORM, "READY", VIRTUAL_IBAN, now());
    rows.borrowerName(BORROWER, "Fournitures Dupont SARL");
    rows.mandate(
        BORROWER,
        PLATFORM,
        "DIRECT_DEBIT",
        "MANDATE-" + BORROWER,
        DEBTOR_IBAN,
        now().minusSeconds(86_400));
    credit.open(
        new OpenCreditLine(
            BORROWER, PLATFORM, 100_000_000_000L, Instant.parse("2099-01-01T00:00:00Z"), now()));
  }

  private Instant now() {
    return clock.instant();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), PARIS);
  }

  private static String e2e(String paymentId) {
    return EndToEndIds.of(paymentId);
  }
}
