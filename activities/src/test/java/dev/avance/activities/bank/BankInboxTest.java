package dev.avance.activities.bank;

import static dev.avance.activities.bank.BankTestFiles.AVANCE_IBAN;
import static dev.avance.activities.bank.BankTestFiles.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.MutableClockConfiguration;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.bank.BankEntryRepository.BankEntryRow;
import dev.avance.activities.bank.BankMessageRepository.Direction;
import dev.avance.activities.bank.BankTestConfiguration.FollowUpEvents;
import dev.avance.activities.bank.BankTestFiles.Booking;
import dev.avance.activities.billing.BillingFixtures;
import dev.avance.bank.Channel;
import dev.avance.bank.iso20022.BankTransactionCode;
import dev.avance.bank.iso20022.EntryStatus;
import dev.avance.bank.iso20022.InvalidBankMessageException;
import dev.avance.bank.iso20022.Iso20022;
import dev.avance.bank.iso20022.MessageType;
import dev.avance.bank.iso20022.PaymentStatusReport;
import dev.avance.bank.iso20022.TransactionStatus;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.rules.LoanReferences;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

/**
 * {@link BankInbox} on a real PostgreSQL: the bank's files, written with {@link Iso20022#write} or
 * hand-written (src/test/resources/bank/), applied to payments instructed by the real {@link
 * PaymentActivities}, to bills and to credits; each file once, each entry once, each channel apart.
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
class BankInboxTest extends RealPostgresTest {
  private static final java.nio.file.Path DROP = BankTestFiles.tempDropFolder();
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String LIVE = "plat-live";
  private static final String SANDBOX = "plat-sbx";
  private static final String PAYEE_IBAN = "FR1420041010050500013M02606";
  private static final String DEBTOR_IBAN = "FR7630004000031234567890143";
  private static final String VIRTUAL_IBAN = "FR7630001007941234567890185";
  private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
  private static final String PAYOUT = "loan-1:payout";

  @Autowired private BankInbox inbox;
  @Autowired private PaymentActivities payments;
  @Autowired private BankEntryRepository entries;
  @Autowired private BankMessageRepository messages;
  @Autowired private RecordingBankConnector simulator;
  @Autowired private FollowUpEvents followUps;
  @Autowired private JdbcClient jdbc;

  @DynamicPropertySource
  static void dropFolder(DynamicPropertyRegistry registry) {
    registry.add("avance.bank.drop-folder", DROP::toString);
  }

  @BeforeEach
  void cleanSlate() {
    new BillingFixtures(jdbc).reset();
    jdbc.sql(
            "truncate table ledger_lines, ledger_entries, ledger_accounts, bank_entries, bank_messages, bank_incoming_credits cascade")
        .update();
    simulator.reset();
    followUps.reset();
    TestRows rows = new TestRows(jdbc);
    rows.platform(LIVE);
    rows.sandboxPlatform(SANDBOX, LIVE);
    rows.borrower("b-1", LIVE, "READY", VIRTUAL_IBAN, AT);
    rows.borrowerName("b-1", "Fournitures Dupont SARL");
    rows.mandate("b-1", LIVE, "DIRECT_DEBIT", "MANDATE-b-1", DEBTOR_IBAN, AT.minusSeconds(86_400));
    rows.borrower("b-s", SANDBOX, "READY", null, AT);
    payments.instruct(payout("loan-1", LIVE, "b-1", 50_000));
  }

  // ---------------------------------------------------------------------------------------------
  // pain.002 and bookings of Avance's own payments

  @Test
  void anAcceptedThenBookedPayoutIsPaidOnItsBookingDayWithTheSettledAmount() {
    BankInbox.Applied accepted =
        inbox.apply(
            Channel.LIVE, BankTestFiles.status("PSR-1", e2e(PAYOUT), TransactionStatus.ACCP, null));

    assertThat(accepted.outcomes()).isEqualTo(Map.of(BankEntryOutcome.APPLIED, 1));
    assertThat(payment(PAYOUT))
        .containsEntry("status", "INSTRUCTED")
        .containsEntry("bank_status", "ACCEPTED");

    BankInbox.Applied booked =
        inbox.apply(
            Channel.LIVE, booked("CAMT-1", Booking.debit("R-1", 50_000).endToEndId(e2e(PAYOUT))));

    assertThat(booked.outcomes()).isEqualTo(Map.of(BankEntryOutcome.APPLIED, 1));
    assertThat(booked.file().duplicate()).isFalse();
    assertThat(booked.file().entries()).isEqualTo(1);
    assertThat(payment(PAYOUT))
        .containsEntry("status", "PAID")
        .containsEntry("bank_status", "SETTLED")
        .containsEntry("settled_amount_cents", 50_000L)
        .containsEntry("paid_at", Timestamp.from(DAY.atStartOfDay(PARIS).toInstant()));
    BankEntryRow entry = entries.ofMessage(booked.file().id()).get(0);
    assertThat(entry.kind()).isEqualTo(BankEntryKind.BOOKING);
    assertThat(entry.outcome()).isEqualTo(BankEntryOutcome.APPLIED);
    assertThat(entry.paymentId()).isEqualTo(PAYOUT);
    assertThat(entry.amountCents()).isEqualTo(50_000);
    assertThat(entry.bookingDate()).isEqualTo(DAY);
    assertThat(entry.followUp()).as("a payout's awaiter reads its row").isNull();
  }

  @Test
  void aRejectionFailsThePaymentWithItsReason() {
    byte[] file =
        BankTestFiles.fixture(
            "pain002-rjct.xml",
            values(
                "MSG_ID",
                "PSR-AGRI-0981",
                "ORIGINAL_MSG_ID",
                EndToEndIds.messageOf(PAYOUT),
                "E2E",
                e2e(PAYOUT)));

    BankInbox.Applied applied = inbox.apply(Channel.LIVE, file);

    assertThat(applied.file().type()).isEqualTo(MessageType.PAIN_002.code());
    assertThat(applied.outcomes()).isEqualTo(Map.of(BankEntryOutcome.APPLIED, 1));
    assertThat(payment(PAYOUT))
        .containsEntry("status", "FAILED")
        .containsEntry("failure_reason", "AC04")
        .containsEntry("bank_status", "REJECTED")
        .containsEntry("paid_at", null);
  }

  @Test
  void aFileRejectedAsAWholeFailsEveryPaymentItCarried() {
    byte[] file =
        Iso20022.write(
            new PaymentStatusReport(
                "PSR-FILE-1",
                AT,
                EndToEndIds.messageOf(PAYOUT),
                MessageType.PAIN_001,
                TransactionStatus.RJCT,
                "FF01",
                List.of()));

    BankInbox.Applied applied = inbox.apply(Channel.LIVE, file);

    assertThat(applied.outcomes()).isEqualTo(Map.of(BankEntryOutcome.APPLIED, 1));
    assertThat(payment(PAYOUT))
        .containsEntry("status", "FAILED")
        .containsEntry("failure_reason", "FF01");
  }

  @Test
  void aBookingBeforeItsAcceptanceIsPaidAndTheLateAcceptanceChangesNothing() {
    inbox.apply(
        Channel.LIVE, booked("CAMT-1", Booking.debit("R-1", 50_000).endToEndId(e2e(PAYOUT))));
    Map<String, Object> paid = payment(PAYOUT);

    BankInbox.Applied late =
        inbox.apply(
            Channel.LIVE, BankTestFiles.status("PSR-1", e2e(PAYOUT), TransactionStatus.ACCP, null));

    assertThat(late.outcomes()).isEqualTo(Map.of(BankEntryOutcome.ALREADY_APPLIED, 1));
    assertThat(paid).containsEntry("status", "PAID").containsEntry("bank_status", "SETTLED");
    assertThat(payment(PAYOUT)).isEqualTo(paid);
  }

  @Test
  void aRejectionAfterABookingIsAConflictAndChangesNothing() {
    inbox.apply(
        Channel.LIVE, booked("CAMT-1", Booking.debit("R-1", 50_000).endToEndId(e2e(PAYOUT))));
    Map<String, Object> paid = payment(PAYOUT);

    BankInbox.Applied rejected =
        inbox.apply(
            Channel.LIVE,
            BankTestFiles.status("PSR-1", e2e(PAYOUT), TransactionStatus.RJCT, "AC04"));

    assertThat(rejected.outcomes()).isEqualTo(Map.of(BankEntryOutcome.CONFLICT, 1));
    assertThat(payment(PAYOUT)).isEqualTo(paid);
    BankEntryRow entry = entries.ofMessage(rejected.file().id()).get(0);
    assertThat(entry.paymentId()).isEqualTo(PAYOUT);
    assertThat(entry.detail()).isEqualTo("RJCT after the payment was PAID");
  }

  @Test
  void aBookingOfAnotherAmountThanInstructedIsAConflictAndChangesNothing() {
    Map<String, Object> instructed = payment(PAYOUT);

    BankInbox.Applied applied =
        inbox.apply(
            Channel.LIVE, booked("CAMT-1", Booking.debit("R-1", 49_999).endToEndId(e2e(PAYOUT))));

    assertThat(applied.outcomes()).isEqualTo(Map.of(BankEntryOutcome.CONFLICT, 1));
    assertThat(payment(PAYOUT)).isEqualTo(instructed);
    assertThat(entries.ofMessage(applied.file().id()).get(0).detail())
        .isEqualTo("booked 49999 cents, instructed 50000");
    // The right amount, reported later under another bank reference, still settles it.
    inbox.apply(
        Channel.LIVE, booked("CAMT-2", Booking.debit("R-2", 50_000).endToEndId(e2e(PAYOUT))));
    assertThat(payment(PAYOUT)).containsEntry("settled_amount_cents", 50_000L);
  }

  // ---------------------------------------------------------------------------------------------
  // Once per file, once per entry

  @Test
  void theSameFileTwiceIsADuplicateThatAppliesNothing() {
    byte[] file =
        booked(
            "CAMT-1",
            Booking.debit("R-1", 50_000).endToEndId(e2e(PAYOUT)),
            Booking.credit("R-2", 12_345).counterparty("Boulangerie Martin", DEBTOR_IBAN));
    BankInbox.Applied first = inbox.apply(Channel.LIVE, file);
    Map<String, Long> counts = counts();
    Map<String, Object> paid = payment(PAYOUT);

    BankInbox.Applied second = inbox.apply(Channel.LIVE, file);

    assertThat(first.outcomes())
        .isEqualTo(Map.of(BankEntryOutcome.APPLIED, 1, BankEntryOutcome.CREDIT_RECEIVED, 1));
    assertThat(second.file().duplicate()).isTrue();
    assertThat(second.file().id()).isEqualTo(first.file().id());
    assertThat(second.file().entries()).isEqualTo(2);
    assertThat(second.outcomes()).isEmpty();
    assertThat(counts()).isEqualTo(counts);
    assertThat(payment(PAYOUT)).isEqualTo(paid);
    assertThat(sumOfCredits()).isEqualTo(12_345);
    assertThat(followUps.messageIds()).containsExactly(first.file().id());
  }

  @Test
  void aBookingNotifiedThenRepeatedByTheDaysStatementIsAppliedOnce() {
    BankInbox.Applied notified =
        inbox.apply(
            Channel.LIVE,
            booked(
                "CAMT054-1",
                Booking.debit("2026030400000005", 50_000).endToEndId(e2e(PAYOUT)).on(DAY)));
    Map<String, Object> paid = payment(PAYOUT);

    BankInbox.Applied statement =
        inbox.apply(
            Channel.LIVE,
            BankTestFiles.fixture(
                "camt053-statement.xml",
                values(
                    "MSG_ID", "STMT-20260304",
                    "BANK_REF", "2026030400000005",
                    "AMOUNT", "500.00",
                    "E2E", e2e(PAYOUT))));

    assertThat(notified.outcomes()).isEqualTo(Map.of(BankEntryOutcome.APPLIED, 1));
    assertThat(statement.file().type()).isEqualTo(MessageType.CAMT_053.code());
    assertThat(statement.file().duplicate()).as("another file").isFalse();
    assertThat(statement.outcomes()).isEqualTo(Map.of(BankEntryOutcome.DUPLICATE, 1));
    BankEntryRow repeated = entries.ofMessage(statement.file().id()).get(0);
    assertThat(repeated.outcome()).isEqualTo(BankEntryOutcome.DUPLICATE);
    assertThat(repeated.amountCents()).isEqualTo(50_000);
    assertThat(repeated.detail()).startsWith("first applied as booking|LIVE|");
    assertThat(payment(PAYOUT)).isEqualTo(paid);
  }

  @Test
  void aMalformedOrInvalidFileOrOneAvanceSendsIsRefusedAndWritesNothing() {
    Map<String, Long> before = counts();
    Map<String, Object> instructed = payment(PAYOUT);
    byte[] pain001 =
        messages.xml(messages.list(Direction.OUT, null, true, null, 1).get(0).id()).orElseThrow();
    byte[] credit = creditFixture("CAMT-RF-1", LoanReferences.remittanceReference("loan-1"));
    byte[] invalidAmount =
        new String(credit, StandardCharsets.UTF_8)
            .replace("<Amt Ccy=\"EUR\">1250.40</Amt>", "<Amt Ccy=\"EUR\">1 250,40</Amt>")
            .getBytes(StandardCharsets.UTF_8);
    byte[] truncated = java.util.Arrays.copyOf(credit, credit.length / 2);

    for (byte[] refused :
        List.of(
            "not xml at all".getBytes(StandardCharsets.UTF_8), invalidAmount, truncated, pain001)) {
      assertThatThrownBy(() -> inbox.apply(Channel.LIVE, refused))
          .isInstanceOf(InvalidBankMessageException.class);
    }

    assertThat(counts()).isEqualTo(before);
    assertThat(payment(PAYOUT)).isEqualTo(instructed);
    assertThatThrownBy(() -> inbox.apply(Channel.LIVE, pain001))
        .hasMessageContaining("is sent to the bank, not received from it");
  }

  @Test
  void anEntryOfOneChannelNeverTouchesAPaymentOfTheOther() {
    payments.instruct(payout("loan-s", SANDBOX, "b-s", 7_000));
    Map<String, Object> live = payment(PAYOUT);
    Map<String, Object> sandbox = payment("loan-s:payout");

    BankInbox.Applied sandboxRejectsLive =
        inbox.apply(
            Channel.SANDBOX,
            BankTestFiles.status("PSR-1", e2e(PAYOUT), TransactionStatus.RJCT, "AC04"));
    BankInbox.Applied sandboxBooksLive =
        inbox.apply(
            Channel.SANDBOX,
            booked("CAMT-1", Booking.debit("R-1", 50_000).endToEndId(e2e(PAYOUT))));
    // The same message id on the live channel is another bank's file: received, not a duplicate.
    BankInbox.Applied liveRejectsSandbox =
        inbox.apply(
            Channel.LIVE,
            BankTestFiles.status("PSR-1", e2e("loan-s:payout"), TransactionStatus.RJCT, "AC04"));

    assertThat(sandboxRejectsLive.outcomes())
        .isEqualTo(Map.of(BankEntryOutcome.UNKNOWN_PAYMENT, 1));
    assertThat(sandboxBooksLive.outcomes()).isEqualTo(Map.of(BankEntryOutcome.FOR_OPERATORS, 1));
    assertThat(liveRejectsSandbox.file().duplicate()).isFalse();
    assertThat(liveRejectsSandbox.outcomes())
        .isEqualTo(Map.of(BankEntryOutcome.UNKNOWN_PAYMENT, 1));
    assertThat(payment(PAYOUT)).isEqualTo(live);
    assertThat(payment("loan-s:payout")).isEqualTo(sandbox);

    // Each channel's own files do apply.
    inbox.apply(
        Channel.SANDBOX,
        BankTestFiles.status("PSR-2", e2e("loan-s:payout"), TransactionStatus.RJCT, "AC04"));
    assertThat(payment("loan-s:payout")).containsEntry("status", "FAILED");
    assertThat(payment(PAYOUT)).isEqualTo(live);
  }

  // ---------------------------------------------------------------------------------------------
  // Money from outside

  @Test
  void aCreditQuotingAnRfReferenceIsRecordedWithItsPayerForReconciliation() {
    String rf = LoanReferences.remittanceReference("loan-1");

    BankInbox.Applied applied = inbox.apply(Channel.LIVE, creditFixture("CAMT-RF-1", rf));

    assertThat(applied.outcomes()).isEqualTo(Map.of(BankEntryOutcome.CREDIT_RECEIVED, 1));
    Map<String, Object> credit = credit("SCT-IN-778812");
    assertThat(credit)
        .containsEntry("channel", "LIVE")
        .containsEntry("status", "RECEIVED")
        .containsEntry("amount_cents", 125_040L)
        .containsEntry("to_iban", VIRTUAL_IBAN)
        .containsEntry("from_iban", "DE89370400440532013000")
        .containsEntry("from_name", "Boulangerie Martin")
        .containsEntry("creditor_reference", rf)
        .containsEntry("remittance_information", rf + " FACTURE F-42")
        .containsEntry("received_at", Timestamp.from(DAY.atStartOfDay(PARIS).toInstant()));
    BankEntryRow entry = entries.ofMessage(applied.file().id()).get(0);
    assertThat(entry.outcome()).isEqualTo(BankEntryOutcome.CREDIT_RECEIVED);
    assertThat(entry.followUp()).isEqualTo(BankFollowUp.RECONCILE_CREDIT);
    assertThat(entry.followUpDoneAt()).isNull();
    assertThat(entry.detail()).isEqualTo("SCT-IN-778812");
    assertThat(followUps.messageIds()).containsExactly(applied.file().id());
    assertThat(payment(PAYOUT)).containsEntry("status", "INSTRUCTED");
  }

  @Test
  void aSandboxCreditIsKeptApartUnderAPrefixedReference() {
    String rf = LoanReferences.remittanceReference("loan-1");
    byte[] file = creditFixture("CAMT-RF-1", rf);

    inbox.apply(Channel.SANDBOX, file);
    inbox.apply(Channel.LIVE, file);

    assertThat(credit("SBX-SCT-IN-778812"))
        .containsEntry("channel", "SANDBOX")
        .containsEntry("amount_cents", 125_040L)
        .containsEntry("creditor_reference", rf);
    assertThat(credit("SCT-IN-778812")).containsEntry("channel", "LIVE");
    assertThat(sumOfCredits()).isEqualTo(2 * 125_040);
  }

  @Test
  void aLoansDebitReturnedAfterItWasPaidIsReturnedAndTellsTheLoan() {
    String debit = "loan-1:debit:1";
    payments.instruct(debitOf(debit, "loan-1", 250_000));
    inbox.apply(
        Channel.LIVE, booked("CAMT-1", Booking.credit("R-1", 250_000).endToEndId(e2e(debit))));
    assertThat(payment(debit)).containsEntry("status", "PAID");

    BankInbox.Applied returned =
        inbox.apply(
            Channel.LIVE,
            BankTestFiles.fixture(
                "camt054-return-am04.xml",
                values(
                    "MSG_ID", "CAMT-RTN-1",
                    "BANK_REF", "2026030900000004",
                    "AMOUNT", "2500.00",
                    "E2E", e2e(debit))));

    assertThat(returned.outcomes()).isEqualTo(Map.of(BankEntryOutcome.APPLIED, 1));
    assertThat(payment(debit))
        .containsEntry("status", "RETURNED")
        .containsEntry("bank_status", "RETURNED")
        .containsEntry("failure_reason", "AM04")
        .containsEntry("settled_amount_cents", 250_000L)
        .containsEntry(
            "returned_at",
            Timestamp.from(LocalDate.of(2026, 3, 9).atStartOfDay(PARIS).toInstant()));
    BankEntryRow entry = entries.ofMessage(returned.file().id()).get(0);
    assertThat(entry.followUp()).isEqualTo(BankFollowUp.DEBIT_RETURNED);
    assertThat(entry.paymentId()).isEqualTo(debit);
    assertThat(entry.reasonCode()).isEqualTo("AM04");
    assertThat(entry.amountCents()).isEqualTo(250_000);
    assertThat(followUps.messageIds()).contains(returned.file().id());
  }

  @Test
  void aDebitRejectedBeforeItSettledIsReturnedWithoutTellingTheLoanTwice() {
    String debit = "loan-1:debit:1";
    payments.instruct(debitOf(debit, "loan-1", 250_000));

    BankInbox.Applied returned =
        inbox.apply(
            Channel.LIVE,
            booked(
                "CAMT-1",
                Booking.debit("R-1", 250_000)
                    .endToEndId(e2e(debit))
                    .reversal("AC04")
                    .code(BankTransactionCode.UNPAID_DIRECT_DEBIT)));

    assertThat(returned.outcomes()).isEqualTo(Map.of(BankEntryOutcome.APPLIED, 1));
    assertThat(payment(debit))
        .containsEntry("status", "RETURNED")
        .containsEntry("failure_reason", "AC04");
    // Whoever awaits the debit sees the return: no follow-up.
    assertThat(entries.ofMessage(returned.file().id()).get(0).followUp()).isNull();
  }

  @Test
  void aBillsDebitReturnedAfterItWasPaidReopensTheBillAndTheLoansItClosed() {
    BillingFixtures f = new BillingFixtures(jdbc);
    f.borrower("b-bill", LIVE);
    Instant paidOut = Instant.parse("2026-01-05T09:00:00Z");
    f.loan("l-1", LIVE, "b-bill", 100_000, paidOut, "DIRECT_DEBIT");
    f.repay("l-1", "d-1", 100_000, Instant.parse("2026-02-05T09:00:00Z"), 0, "CLOSED");
    f.loan("l-2", LIVE, "b-bill", 30_000, paidOut, "DIRECT_DEBIT");
    String billId = "B-2026-02";
    String debit = "bill-" + billId + ":debit";
    jdbc.sql(
            """
            insert into bills (id, platform_id, period, payer_type, payer_id, borrower_id, status,
                total_cents, lines_count, bill_date, due_date, payment_id, payment_status, paid_at,
                created_at, updated_at)
            values (:id, :p, '2026-02-01', 'BORROWER', 'b-bill', 'b-bill', 'PAID', 1950, 2,
                '2026-03-01', '2026-03-04', :debit, 'PAID', '2026-03-04T00:00:00Z',
                '2026-03-01T05:00:00Z', '2026-03-04T00:00:00Z')
            """)
        .param("id", billId)
        .param("p", LIVE)
        .param("debit", debit)
        .update();
    billLine(billId, "l-1", true);
    billLine(billId, "l-2", false);
    payments.instruct(debitOf(debit, billId, 1_950));
    inbox.apply(
        Channel.LIVE, booked("CAMT-1", Booking.credit("R-1", 1_950).endToEndId(e2e(debit))));

    BankInbox.Applied returned =
        inbox.apply(
            Channel.LIVE,
            BankTestFiles.fixture(
                "camt054-return-am04.xml",
                values(
                    "MSG_ID", "CAMT-RTN-1",
                    "BANK_REF", "2026030900000004",
                    "AMOUNT", "19.50",
                    "E2E", e2e(debit))));

    assertThat(returned.outcomes()).isEqualTo(Map.of(BankEntryOutcome.APPLIED, 1));
    assertThat(payment(debit)).containsEntry("status", "RETURNED");
    Map<String, Object> bill =
        jdbc.sql("select * from bills where id = :id").param("id", billId).query().singleRow();
    assertThat(bill)
        .containsEntry("status", "TO_PAY")
        .containsEntry("payment_status", "RETURNED")
        .containsEntry("paid_at", null)
        .containsEntry("total_cents", 1_950L);
    assertThat(loanStatus("l-1")).isEqualTo("TO_REPAY_FEES");
    assertThat(loanStatus("l-2")).as("never closed: left as it was").isEqualTo("TO_REPAY");
    BankEntryRow entry = entries.ofMessage(returned.file().id()).get(0);
    assertThat(entry.detail()).isEqualTo("bill reopened");
    assertThat(entry.followUp()).as("no loan workflow owns a bill's debit").isNull();
    assertThat(
            jdbc.sql(
                    "select event_type from domain_events where entity_id in ('l-1', :b) order by id")
                .param("b", billId)
                .query(String.class)
                .list())
        .containsExactly("loan.TO_REPAY_FEES", "bill.PAYMENT_RETURNED");
  }

  @Test
  void aPayoutReturnedAfterItWasPaidIsParkedAsACreditWithItsReason() {
    inbox.apply(
        Channel.LIVE, booked("CAMT-1", Booking.debit("R-1", 50_000).endToEndId(e2e(PAYOUT))));

    BankInbox.Applied returned =
        inbox.apply(
            Channel.LIVE,
            booked(
                "CAMT-2",
                Booking.credit("RTN-1", 50_000)
                    .endToEndId(e2e(PAYOUT))
                    .reversal("AC04")
                    .code(BankTransactionCode.RETURNED_CREDIT_TRANSFER)
                    .counterparty("Fournitures Dupont SARL", PAYEE_IBAN)));

    assertThat(returned.outcomes()).isEqualTo(Map.of(BankEntryOutcome.FOR_OPERATORS, 1));
    assertThat(payment(PAYOUT)).containsEntry("status", "PAID");
    assertThat(credit("RTN-1"))
        .containsEntry("status", "PARKED")
        .containsEntry("parked_reason", "TRANSFER_RETURNED " + PAYOUT + " AC04")
        .containsEntry("amount_cents", 50_000L)
        .containsEntry("from_iban", PAYEE_IBAN)
        .containsEntry("to_iban", AVANCE_IBAN);
    assertThat(entries.ofMessage(returned.file().id()).get(0).followUp()).isNull();
  }

  @Test
  void aPayoutReturnedBeforeItWasBookedFails() {
    BankInbox.Applied returned =
        inbox.apply(
            Channel.LIVE,
            booked(
                "CAMT-1",
                Booking.credit("RTN-1", 50_000)
                    .endToEndId(e2e(PAYOUT))
                    .reversal("AC01")
                    .code(BankTransactionCode.RETURNED_CREDIT_TRANSFER)));

    assertThat(returned.outcomes()).isEqualTo(Map.of(BankEntryOutcome.APPLIED, 1));
    assertThat(payment(PAYOUT))
        .containsEntry("status", "FAILED")
        .containsEntry("failure_reason", "AC01");
    assertThat(sumOfCredits()).isZero();
  }

  @Test
  void pendingBookingsAndOtherCurrenciesChangeNothing() {
    Map<String, Object> instructed = payment(PAYOUT);

    BankInbox.Applied applied =
        inbox.apply(
            Channel.LIVE,
            booked(
                "CAMT-1",
                Booking.debit("R-1", 50_000).endToEndId(e2e(PAYOUT)).status(EntryStatus.PDNG),
                Booking.debit("R-2", 50_000).endToEndId(e2e(PAYOUT)).currency("USD"),
                Booking.credit("R-3", 9_900).currency("CHF").counterparty("Zurich AG", DEBTOR_IBAN),
                Booking.credit("R-4", 9_900).status(EntryStatus.PDNG)));

    assertThat(applied.outcomes())
        .isEqualTo(
            Map.of(BankEntryOutcome.NOT_BOOKED, 2, BankEntryOutcome.UNSUPPORTED_CURRENCY, 2));
    assertThat(payment(PAYOUT)).isEqualTo(instructed);
    assertThat(sumOfCredits()).isZero();
    assertThat(followUps.messageIds()).isEmpty();
    // Once booked in euros, the same payout settles.
    inbox.apply(
        Channel.LIVE, booked("CAMT-2", Booking.debit("R-5", 50_000).endToEndId(e2e(PAYOUT))));
    assertThat(payment(PAYOUT)).containsEntry("status", "PAID");
  }

  // ---------------------------------------------------------------------------------------------

  private static InstructPayment payout(
      String loanId, String platformId, String borrowerId, long amountCents) {
    return new InstructPayment(
        loanId + ":payout",
        loanId,
        platformId,
        borrowerId,
        PaymentType.PAYOUT,
        amountCents,
        PAYEE_IBAN,
        null,
        null,
        null,
        LocalDate.of(2026, 3, 4),
        AT);
  }

  private static InstructPayment debitOf(String paymentId, String loanId, long amountCents) {
    return new InstructPayment(
        paymentId,
        loanId,
        LIVE,
        "b-1",
        PaymentType.DIRECT_DEBIT,
        amountCents,
        DEBTOR_IBAN,
        null,
        "MANDATE-b-1",
        null,
        LocalDate.of(2026, 3, 6),
        AT);
  }

  private static String e2e(String paymentId) {
    return EndToEndIds.of(paymentId);
  }

  private static byte[] booked(String messageId, Booking... bookings) {
    return BankTestFiles.notification(messageId, AVANCE_IBAN, bookings);
  }

  private static byte[] creditFixture(String messageId, String rf) {
    return BankTestFiles.fixture(
        "camt054-credit-rf.xml", values("MSG_ID", messageId, "ACCOUNT", VIRTUAL_IBAN, "RF", rf));
  }

  private void billLine(String billId, String loanId, boolean fullyBilled) {
    jdbc.sql(
            """
            insert into bill_lines (bill_id, loan_id, period, accrued_from, accrued_to, days,
                principal_days, principal_cents, accrued_before, accrued_through, interest_exact,
                billed_cents, fully_billed)
            values (:bill, :loan, '2026-02-01', '2026-02-01', '2026-03-01', 28, 0, 0, 0, 0, 0, 0,
                :full)
            """)
        .param("bill", billId)
        .param("loan", loanId)
        .param("full", fullyBilled)
        .update();
  }

  private Map<String, Object> payment(String paymentId) {
    return jdbc.sql("select * from payments where payment_id = :id")
        .param("id", paymentId)
        .query()
        .singleRow();
  }

  private Map<String, Object> credit(String reference) {
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

  private long sumOfCredits() {
    return jdbc.sql("select coalesce(sum(amount_cents), 0) from bank_incoming_credits")
        .query(Long.class)
        .single();
  }

  /** Rows of every table the inbox writes. */
  private Map<String, Long> counts() {
    return Map.of(
        "in", count("select count(*) from bank_messages where direction = 'IN'"),
        "entries", count("select count(*) from bank_entries"),
        "credits", count("select count(*) from bank_incoming_credits"),
        "events", count("select count(*) from domain_events"),
        "updated", count("select count(*) from payments where updated_at <> created_at"));
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
