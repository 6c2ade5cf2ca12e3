package dev.avance.activities.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.common.Keyset;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.platform.Environment;
import dev.avance.activities.reconciliation.IncomingCreditRepository.IncomingCreditRow;
import dev.avance.workflows.loan.BankAccount;
import dev.avance.workflows.loan.Invoice;
import dev.avance.workflows.loan.LoanActivities;
import dev.avance.workflows.loan.LoanPolicy;
import dev.avance.workflows.loan.LoanStatus;
import dev.avance.workflows.loan.LoanStatusChange;
import dev.avance.workflows.loan.RegisterLoan;
import dev.avance.workflows.loan.RequestLoan;
import dev.avance.workflows.payment.AssignCredit;
import dev.avance.workflows.payment.ClaimedCredit;
import dev.avance.workflows.payment.CreditMatch;
import dev.avance.workflows.payment.IncomingCredit;
import dev.avance.workflows.payment.IncomingCreditActivities;
import dev.avance.workflows.payment.PayBill;
import dev.avance.workflows.payment.SettleCredit;
import dev.avance.workflows.rules.LoanReferences;
import io.temporal.failure.ApplicationFailure;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** Parking and assigning incoming credits ({@link IncomingCreditActivitiesImpl}) on PostgreSQL. */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IncomingCreditActivitiesTest extends RealPostgresTest {
  private static final String PLATFORM = "plat-a";
  private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  private static final LocalDate DUE = LocalDate.of(2026, 12, 27);
  private static final String IBAN_1 = "FR7630001007941234567890185";
  private static final String IBAN_2 = "FR7630004000031234567890143";

  @Autowired private IncomingCreditActivities activities;
  @Autowired private IncomingCreditRepository credits;
  @Autowired private LoanActivities loanActivities;
  @Autowired private LoanRepository loans;
  @Autowired private JdbcClient jdbc;

  private final IncomingCredit credit =
      new IncomingCredit("bank-1", IBAN_1, 15_000, "invoice 42, no reference", T0);

  @BeforeEach
  void cleanSlate() {
    jdbc.sql(
            "truncate table ledger_lines, ledger_entries, ledger_accounts, bank_incoming_credits, payments, domain_events, loans, bill_lines,"
                + " bills, borrowers, platforms cascade")
        .update();
    TestRows rows = new TestRows(jdbc);
    rows.platform(PLATFORM, Environment.LIVE);
    rows.borrower("b-1", PLATFORM, "READY", IBAN_1, T0);
    rows.borrower("b-2", PLATFORM, "READY", IBAN_2, T0);
    loan("loan-1", "b-1", LoanStatus.TO_REPAY);
    loan("loan-2", "b-2", LoanStatus.TO_REPAY);
    loan("loan-3", "b-1", LoanStatus.CLOSED);
    jdbc.sql(
            """
            insert into bank_incoming_credits (bank_reference, to_iban, amount_cents,
                remittance_information, received_at)
            values (:ref, :iban, :amount, :info, :at)
            """)
        .param("ref", credit.bankReference())
        .param("iban", credit.toIban())
        .param("amount", credit.amountCents())
        .param("info", credit.remittanceInformation())
        .param("at", Timestamp.from(T0))
        .update();
  }

  private void loan(String id, String borrower, LoanStatus status) {
    loan(id, PLATFORM, borrower, status, 50_000);
  }

  private void loan(
      String id, String platform, String borrower, LoanStatus status, long outstanding) {
    loanActivities.register(
        new RegisterLoan(
            new RequestLoan(
                id,
                platform,
                borrower,
                "salt-" + id,
                "hash",
                50_000,
                new Invoice("F-" + id, 60_000, DUE.minusDays(60), DUE, null, null),
                null,
                new BankAccount("FR1420041010050500013M02606", null),
                DUE.minusDays(30),
                DUE,
                true,
                null,
                LoanPolicy.DEFAULT),
            LoanReferences.remittanceReference(id),
            T0));
    loanActivities.recordStatus(
        new LoanStatusChange(
            id,
            platform,
            status,
            null,
            outstanding,
            DUE,
            T0,
            false,
            false,
            "SCT",
            "loan." + status,
            id + ":1",
            T0));
  }

  private IncomingCreditRow row() {
    return credits.findByReference("bank-1").orElseThrow();
  }

  private static String typeOf(ApplicationFailure failure) {
    return failure.getType();
  }

  @Test
  void anUnmatchedCreditIsParkedWithWhyAndItsBorrower() {
    activities.settle(new SettleCredit(credit, null, null, "NO_MATCHING_REFERENCE"));

    IncomingCreditRow parked = row();
    assertThat(parked.status()).isEqualTo("PARKED");
    assertThat(parked.parkedReason()).isEqualTo("NO_MATCHING_REFERENCE");
    assertThat(parked.borrowerId()).isEqualTo("b-1");
    assertThat(parked.platformId()).isEqualTo(PLATFORM);
    assertThat(credits.find("PARKED", new Keyset(false, null, null, 10))).containsExactly(parked);
    assertThat(credits.find("MATCHED", new Keyset(false, null, null, 10))).isEmpty();
  }

  @Test
  void aParkedCreditIsClaimedForAnOpenLoanOfItsBorrowerThenMatchedOnce() {
    activities.settle(new SettleCredit(credit, null, null, "NO_MATCHING_REFERENCE"));

    ClaimedCredit claimed = activities.claim(new AssignCredit("bank-1", "loan-1"));
    assertThat(claimed).isEqualTo(new ClaimedCredit(credit, PLATFORM));
    // Claiming changes nothing: the credit stays parked until the loan has been told.
    assertThat(row().status()).isEqualTo("PARKED");

    assertThat(activities.settle(new SettleCredit(credit, "loan-1", PLATFORM, null)).changed())
        .isTrue();
    assertThat(activities.settle(new SettleCredit(credit, "loan-1", PLATFORM, null)).changed())
        .isFalse();

    IncomingCreditRow matched = row();
    assertThat(matched.status()).isEqualTo("MATCHED");
    assertThat(matched.loanId()).isEqualTo("loan-1");
    assertThat(matched.parkedReason()).isEqualTo("NO_MATCHING_REFERENCE");
    assertThat(
            jdbc.sql("select count(*) from payments where payment_id = 'incoming:bank-1'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            typeOf(
                catchThrowableOfType(
                    ApplicationFailure.class,
                    () -> activities.claim(new AssignCredit("bank-1", "loan-1")))))
        .isEqualTo("CREDIT_NOT_PARKED");
  }

  @Test
  void aClaimIsRefusedForAnEndedLoanAnotherBorrowersLoanOrAnUnparkedCredit() {
    assertThat(
            typeOf(
                catchThrowableOfType(
                    ApplicationFailure.class,
                    () -> activities.claim(new AssignCredit("bank-1", "loan-1")))))
        .as("still RECEIVED, not parked")
        .isEqualTo("CREDIT_NOT_PARKED");
    activities.settle(new SettleCredit(credit, null, null, "NO_MATCHING_REFERENCE"));

    assertThat(
            typeOf(
                catchThrowableOfType(
                    ApplicationFailure.class,
                    () -> activities.claim(new AssignCredit("bank-1", "loan-3")))))
        .isEqualTo("LOAN_NOT_OPEN");
    assertThat(
            typeOf(
                catchThrowableOfType(
                    ApplicationFailure.class,
                    () -> activities.claim(new AssignCredit("bank-1", "no-such-loan")))))
        .isEqualTo("LOAN_NOT_OPEN");
    assertThat(
            typeOf(
                catchThrowableOfType(
                    ApplicationFailure.class,
                    () -> activities.claim(new AssignCredit("bank-1", "loan-2")))))
        .isEqualTo("INVALID_STATE");
    assertThat(row().status()).isEqualTo("PARKED");
  }

  // ---------------------------------------------------------------------------------------------
  // Bills paid by a credit quoting their reference

  private static final String BILL = "bill-b1-2026-11";

  /** A TO_PAY bill of borrower b-1 for loan-fees, whose principal is repaid. */
  private void billToPay(long totalCents, String debitPaymentId, String debitStatus) {
    loan("loan-fees", PLATFORM, "b-1", LoanStatus.TO_REPAY_FEES, 0);
    if (debitPaymentId != null) {
      jdbc.sql(
              """
              insert into payments (payment_id, loan_id, platform_id, borrower_id, type,
                  amount_cents, status, instructed_at, created_at, updated_at)
              values (:id, :bill, :p, 'b-1', 'DIRECT_DEBIT', :amount, :status, :at, :at, :at)
              """)
          .param("id", debitPaymentId)
          .param("bill", BILL)
          .param("p", PLATFORM)
          .param("amount", totalCents)
          .param("status", debitStatus)
          .param("at", Timestamp.from(T0))
          .update();
    }
    jdbc.sql(
            """
            insert into bills (id, platform_id, period, payer_type, payer_id, borrower_id, status,
                total_cents, lines_count, bill_date, due_date, payment_id, payment_status,
                created_at, updated_at)
            values (:id, :p, '2026-11-01', 'BORROWER', 'b-1', 'b-1', 'TO_PAY', :total, 1,
                '2026-12-01', '2026-12-04', :debit, :debitStatus, :at, :at)
            """)
        .param("id", BILL)
        .param("p", PLATFORM)
        .param("total", totalCents)
        .param("debit", debitPaymentId)
        .param("debitStatus", "RETURNED".equals(debitStatus) ? "RETURNED" : null)
        .param("at", Timestamp.from(T0))
        .update();
    jdbc.sql(
            """
            insert into bill_lines (bill_id, loan_id, period, accrued_from, accrued_to, days,
                principal_days, principal_cents, accrued_before, accrued_through, interest_exact,
                billed_cents, fully_billed)
            values (:bill, 'loan-fees', '2026-11-01', '2026-11-01', '2026-11-20', 19, 950000, 0,
                0, :total, :total, :total, true)
            """)
        .param("bill", BILL)
        .param("total", totalCents)
        .update();
  }

  private IncomingCredit received(
      String reference, String toIban, long amountCents, String remittance, String channel) {
    jdbc.sql(
            """
            insert into bank_incoming_credits (bank_reference, to_iban, amount_cents,
                remittance_information, received_at, channel)
            values (:ref, :iban, :amount, :info, :at, :channel)
            """)
        .param("ref", reference)
        .param("iban", toIban)
        .param("amount", amountCents)
        .param("info", remittance)
        .param("at", Timestamp.from(T0.plusSeconds(3_600)))
        .param("channel", channel)
        .update();
    return new IncomingCredit(reference, toIban, amountCents, remittance, T0.plusSeconds(3_600));
  }

  private Map<String, Object> billRow() {
    return jdbc.sql("select * from bills where id = :id").param("id", BILL).query().singleRow();
  }

  private Map<String, Object> creditRow(String reference) {
    return jdbc.sql("select * from bank_incoming_credits where bank_reference = :r")
        .param("r", reference)
        .query()
        .singleRow();
  }

  private String loanStatus(String loanId) {
    return jdbc.sql("select status from loans where id = :id")
        .param("id", loanId)
        .query(String.class)
        .single();
  }

  @Test
  void aCreditQuotingABillsReferenceOnThePayersAccountPaysItAndClosesItsLoans() {
    billToPay(1_950, null, null);
    String rf = LoanReferences.remittanceReference(BILL);
    IncomingCredit credit = received("bank-bill-1", IBAN_1, 1_950, rf + " FACTURE", "LIVE");

    CreditMatch match = activities.match(credit);
    assertThat(match).isEqualTo(new CreditMatch(null, PLATFORM, BILL));
    assertThat(activities.payBill(new PayBill(credit, BILL, PLATFORM)).changed()).isTrue();

    assertThat(billRow())
        .containsEntry("status", "PAID")
        .containsEntry("payment_status", "PAID")
        .containsEntry("paid_at", Timestamp.from(credit.receivedAt()));
    assertThat(loanStatus("loan-fees")).isEqualTo("CLOSED");
    assertThat(creditRow("bank-bill-1"))
        .containsEntry("status", "MATCHED")
        .containsEntry("matched_bill_id", BILL)
        .containsEntry("parked_reason", null);
    // The workflow's retry changes nothing.
    assertThat(activities.payBill(new PayBill(credit, BILL, PLATFORM)).changed()).isFalse();
    assertThat(creditRow("bank-bill-1")).containsEntry("status", "MATCHED");
  }

  @Test
  void aBillsReferenceOnAnotherBorrowersAccountMatchesNothing() {
    billToPay(1_950, null, null);
    IncomingCredit credit =
        received("bank-bill-1", IBAN_2, 1_950, LoanReferences.remittanceReference(BILL), "LIVE");

    assertThat(activities.match(credit)).isEqualTo(new CreditMatch(null, null));
  }

  @Test
  void aCreditShortOfTheBillsTotalIsParkedAndTheBillStaysToPay() {
    billToPay(1_950, null, null);
    IncomingCredit credit =
        received("bank-bill-1", IBAN_1, 1_949, LoanReferences.remittanceReference(BILL), "LIVE");

    activities.payBill(new PayBill(credit, BILL, PLATFORM));

    assertThat(creditRow("bank-bill-1"))
        .containsEntry("status", "PARKED")
        .containsEntry("parked_reason", "BILL_UNDERPAID " + BILL)
        .containsEntry("matched_bill_id", null)
        .containsEntry("amount_cents", 1_949L);
    assertThat(billRow()).containsEntry("status", "TO_PAY");
    assertThat(loanStatus("loan-fees")).isEqualTo("TO_REPAY_FEES");
  }

  @Test
  void aBillWhoseDebitWasReturnedIsPaidByACredit() {
    billToPay(1_950, "bill-" + BILL + ":debit", "RETURNED");
    IncomingCredit credit =
        received("bank-bill-1", IBAN_1, 2_000, LoanReferences.remittanceReference(BILL), "LIVE");

    assertThat(activities.match(credit).billId()).isEqualTo(BILL);
    activities.payBill(new PayBill(credit, BILL, PLATFORM));

    assertThat(billRow()).containsEntry("status", "PAID").containsEntry("payment_status", "PAID");
    assertThat(creditRow("bank-bill-1")).containsEntry("status", "MATCHED");
    assertThat(loanStatus("loan-fees")).isEqualTo("CLOSED");
  }

  @Test
  void aBillWhoseDebitIsStillAtTheBankIsNotPaidTwice() {
    billToPay(1_950, "bill-" + BILL + ":debit", "INSTRUCTED");
    IncomingCredit credit =
        received("bank-bill-1", IBAN_1, 1_950, LoanReferences.remittanceReference(BILL), "LIVE");

    activities.payBill(new PayBill(credit, BILL, PLATFORM));

    assertThat(creditRow("bank-bill-1"))
        .containsEntry("status", "PARKED")
        .containsEntry("parked_reason", "BILL_NOT_PAYABLE " + BILL);
    assertThat(billRow()).containsEntry("status", "TO_PAY");
  }

  /** Two transfers for one bill: the second one's money is parked whole, for a refund. */
  @Test
  void aSecondCreditForABillAlreadyPaidIsParkedNotSwallowed() {
    billToPay(1_950, null, null);
    String rf = LoanReferences.remittanceReference(BILL);
    IncomingCredit first = received("bank-bill-1", IBAN_1, 1_950, rf, "LIVE");
    IncomingCredit second = received("bank-bill-2", IBAN_1, 1_950, rf, "LIVE");
    // Both matched while the bill was still TO_PAY: the match and the payment are two steps.
    assertThat(activities.match(first).billId()).isEqualTo(BILL);
    assertThat(activities.match(second).billId()).isEqualTo(BILL);

    activities.payBill(new PayBill(first, BILL, PLATFORM));
    activities.payBill(new PayBill(second, BILL, PLATFORM));

    assertThat(creditRow("bank-bill-1")).containsEntry("status", "MATCHED");
    assertThat(creditRow("bank-bill-2"))
        .containsEntry("status", "PARKED")
        .containsEntry("parked_reason", "BILL_ALREADY_PAID " + BILL)
        .containsEntry("matched_bill_id", null);
  }

  @Test
  void aCreditOfOneChannelNeverMatchesALoanOfTheOther() {
    loan("loan-9", PLATFORM, "b-1", LoanStatus.TO_REPAY, 50_000);
    String rf = LoanReferences.remittanceReference("loan-9");
    IncomingCredit live = received("bank-live", IBAN_1, 15_000, rf, "LIVE");
    IncomingCredit sandbox = received("SBX-bank-sbx", IBAN_1, 15_000, rf, "SANDBOX");

    assertThat(activities.match(live)).isEqualTo(new CreditMatch("loan-9", PLATFORM));
    assertThat(activities.match(sandbox)).isEqualTo(new CreditMatch(null, null));

    // And a sandbox platform's loan is never repaid by live money.
    TestRows rows = new TestRows(jdbc);
    rows.sandboxPlatform("plat-sbx", PLATFORM);
    rows.borrower("b-sbx", "plat-sbx", "READY", "FR7630006000011234567890189", T0);
    loan("loan-s", "plat-sbx", "b-sbx", LoanStatus.TO_REPAY, 50_000);
    String sandboxRf = LoanReferences.remittanceReference("loan-s");
    assertThat(
            activities.match(
                received("bank-live-2", "FR7630006000011234567890189", 100, sandboxRf, "LIVE")))
        .isEqualTo(new CreditMatch(null, null));
    assertThat(
            activities.match(
                received(
                    "SBX-bank-sbx-2", "FR7630006000011234567890189", 100, sandboxRf, "SANDBOX")))
        .isEqualTo(new CreditMatch("loan-s", "plat-sbx"));
  }
}
