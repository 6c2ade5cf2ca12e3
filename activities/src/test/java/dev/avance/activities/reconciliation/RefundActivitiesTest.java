package dev.avance.activities.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.refund.RefundActivities;
import dev.avance.workflows.refund.RefundClaim;
import dev.avance.workflows.refund.RefundOutcome;
import dev.avance.workflows.refund.RefundRequest;
import dev.avance.workflows.refund.RefundWorkflow;
import io.temporal.failure.ApplicationFailure;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What a credit holds to refund ({@link RefundActivitiesImpl#claim}), derived from what was applied
 * of it, and recording a refund once ({@link RefundActivitiesImpl#complete}), on PostgreSQL.
 */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RefundActivitiesTest extends RealPostgresTest {
  private static final String PLATFORM = "plat-a";
  private static final String VIRTUAL_IBAN = "FR7630001007941234567890185";
  private static final String PAYER_IBAN = "DE89370400440532013000";
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired private RefundActivities refunds;
  @Autowired private JdbcClient jdbc;

  @BeforeEach
  void cleanSlate() {
    jdbc.sql(
            "truncate table ledger_lines, ledger_entries, ledger_accounts, bank_incoming_credits, payments, credit_repayments,"
                + " credit_reservations, credit_lines, loans, bill_lines, bills, borrowers,"
                + " platforms cascade")
        .update();
    TestRows rows = new TestRows(jdbc);
    rows.platform(PLATFORM);
    rows.borrower("b-1", PLATFORM, "READY", VIRTUAL_IBAN, T0);
  }

  @Test
  void aParkedCreditIsRefundableWholeToTheAccountItCameFrom() {
    credit("bank-1", 15_000, "PARKED", null, null);

    RefundClaim claim = refunds.claimRefund(new RefundRequest("bank-1", T0));

    assertThat(claim)
        .isEqualTo(
            new RefundClaim("bank-1", PLATFORM, "b-1", 15_000, PAYER_IBAN, "Boulangerie Martin"));
  }

  @Test
  void anOverpaymentOfAClosedLoanRefundsWhatTheLoanNeverApplied() {
    loan("loan-1", "CLOSED");
    credit("bank-1", 60_000, "MATCHED", "loan-1", null);
    repayment("loan-1", "bank-1", 50_000);
    // Another credit's repayment of the same loan is not this credit's.
    repayment("loan-1", "bank-other", 7_000);

    assertThat(refunds.claimRefund(new RefundRequest("bank-1", T0)).amountCents())
        .isEqualTo(10_000);
  }

  @Test
  void aCreditThatPaidABillRefundsWhatWasAboveTheBill() {
    bill("bill-1", 1_950);
    credit("bank-1", 2_000, "MATCHED", null, "bill-1");

    assertThat(refunds.claimRefund(new RefundRequest("bank-1", T0)).amountCents()).isEqualTo(50);
  }

  @Test
  void aCreditAnOpenLoanMayStillApplyHoldsNothingToRefund() {
    loan("loan-1", "TO_REPAY");
    credit("bank-1", 60_000, "MATCHED", "loan-1", null);
    repayment("loan-1", "bank-1", 50_000);

    assertNothing(() -> refunds.claimRefund(new RefundRequest("bank-1", T0)));
  }

  @Test
  void aCreditFullyAppliedUnreceivedOrFromAnUnknownAccountHoldsNothingToRefund() {
    loan("loan-1", "CLOSED");
    credit("bank-1", 50_000, "MATCHED", "loan-1", null);
    repayment("loan-1", "bank-1", 50_000);
    credit("bank-2", 9_000, "RECEIVED", null, null);
    credit("bank-3", 9_000, "PARKED", null, null);
    jdbc.sql("update bank_incoming_credits set from_iban = null where bank_reference = 'bank-3'")
        .update();

    assertNothing(() -> refunds.claimRefund(new RefundRequest("bank-1", T0)));
    assertNothing(() -> refunds.claimRefund(new RefundRequest("bank-2", T0)));
    assertNothing(() -> refunds.claimRefund(new RefundRequest("bank-3", T0)));
    assertNothing(() -> refunds.claimRefund(new RefundRequest("no-such-credit", T0)));
  }

  @Test
  void aPaidRefundIsRecordedOnceAndLeavesNothingToRefund() {
    credit("bank-1", 15_000, "PARKED", null, null);
    String paymentId = refundPayment("bank-1", 15_000, "PAID");
    RefundOutcome paid =
        new RefundOutcome("bank-1", paymentId, 15_000, PaymentStatus.PAID, null, T0);

    assertThat(refunds.completeRefund(paid).changed()).isTrue();
    assertThat(refunds.completeRefund(paid).changed()).as("the workflow's retry").isFalse();

    assertThat(creditRow("bank-1"))
        .containsEntry("status", "REFUNDED")
        .containsEntry("refunded_amount_cents", 15_000L)
        .containsEntry("parked_reason", null);
    assertThat(paymentRow(paymentId)).containsEntry("refund_of", "bank-1");
    assertNothing(() -> refunds.claimRefund(new RefundRequest("bank-1", T0)));
  }

  @Test
  void aRefundOfAnOverpaymentKeepsTheCreditMatched() {
    loan("loan-1", "CLOSED");
    credit("bank-1", 60_000, "MATCHED", "loan-1", null);
    repayment("loan-1", "bank-1", 50_000);
    String paymentId = refundPayment("bank-1", 10_000, "PAID");

    refunds.completeRefund(
        new RefundOutcome("bank-1", paymentId, 10_000, PaymentStatus.PAID, null, T0));

    assertThat(creditRow("bank-1"))
        .containsEntry("status", "MATCHED")
        .containsEntry("refunded_amount_cents", 10_000L);
    assertNothing(() -> refunds.claimRefund(new RefundRequest("bank-1", T0)));
  }

  @Test
  void aRefundThatFailedOrNamesNoRefundPaymentRecordsNothing() {
    credit("bank-1", 15_000, "PARKED", null, null);
    String failed = refundPayment("bank-1", 15_000, "FAILED");

    assertThat(
            refunds
                .completeRefund(
                    new RefundOutcome("bank-1", failed, 15_000, PaymentStatus.FAILED, "AC04", T0))
                .changed())
        .isFalse();
    // An outcome whose payment Avance never instructed moves no money and counts for nothing,
    // however often it is told.
    RefundOutcome unknown =
        new RefundOutcome("bank-1", "no-such-payment", 15_000, PaymentStatus.PAID, null, T0);
    assertThat(refunds.completeRefund(unknown).changed()).isFalse();
    assertThat(refunds.completeRefund(unknown).changed()).isFalse();

    assertThat(creditRow("bank-1"))
        .containsEntry("status", "PARKED")
        .containsEntry("refunded_amount_cents", 0L);
    assertThat(refunds.claimRefund(new RefundRequest("bank-1", T0)).amountCents())
        .isEqualTo(15_000);
  }

  // ---------------------------------------------------------------------------------------------

  private void credit(
      String reference, long amountCents, String status, String loanId, String billId) {
    jdbc.sql(
            """
            insert into bank_incoming_credits (bank_reference, to_iban, from_iban, from_name,
                amount_cents, remittance_information, received_at, status, matched_loan_id,
                matched_bill_id, parked_reason, channel)
            values (:ref, :to, :from, 'Boulangerie Martin', :amount, 'FACTURE 42', :at, :status,
                :loan, :bill, :why, 'LIVE')
            """)
        .param("ref", reference)
        .param("to", VIRTUAL_IBAN)
        .param("from", PAYER_IBAN)
        .param("amount", amountCents)
        .param("at", Timestamp.from(T0))
        .param("status", status)
        .param("loan", loanId)
        .param("bill", billId)
        .param("why", "PARKED".equals(status) ? "NO_MATCHING_REFERENCE" : null)
        .update();
  }

  private void loan(String id, String status) {
    jdbc.sql(
            """
            insert into loans (id, platform_id, borrower_id, salt_id, request_hash, loan_type,
                status, amount_cents, invoice_number, invoice_amount_cents, loan_to_iban,
                to_pay_at, to_repay_at, requested_to_repay_at, auto_validate,
                remittance_reference, created_at, updated_at)
            values (:id, :p, 'b-1', :id, 'hash', 'INVOICE_BASED_FINANCING', :status, 50000, :id,
                60000, 'FR1420041010050500013M02606', '2026-02-01', '2026-03-01', '2026-03-01',
                true, :id, :at, :at)
            """)
        .param("id", id)
        .param("p", PLATFORM)
        .param("status", status)
        .param("at", Timestamp.from(T0))
        .update();
    jdbc.sql(
            """
            insert into credit_lines (borrower_id, platform_id, max_amount_cents, status,
                expires_at, created_at, updated_at)
            values ('b-1', :p, 10000000, 'ACTIVE', '2099-01-01T00:00:00Z', :at, :at)
            on conflict do nothing
            """)
        .param("p", PLATFORM)
        .param("at", Timestamp.from(T0))
        .update();
    jdbc.sql(
            """
            insert into credit_reservations (loan_id, borrower_id, platform_id, amount_cents,
                outstanding_cents, status, created_at, updated_at)
            values (:id, 'b-1', :p, 50000, 0, 'REPAID', :at, :at)
            """)
        .param("id", id)
        .param("p", PLATFORM)
        .param("at", Timestamp.from(T0))
        .update();
  }

  private void repayment(String loanId, String key, long appliedCents) {
    jdbc.sql(
            """
            insert into credit_repayments (loan_id, platform_id, repayment_key, amount_cents,
                created_at)
            values (:l, :p, :k, :amount, :at)
            """)
        .param("l", loanId)
        .param("p", PLATFORM)
        .param("k", key)
        .param("amount", appliedCents)
        .param("at", Timestamp.from(T0))
        .update();
  }

  private void bill(String id, long totalCents) {
    jdbc.sql(
            """
            insert into bills (id, platform_id, period, payer_type, payer_id, borrower_id, status,
                total_cents, lines_count, bill_date, due_date, payment_status, paid_at,
                created_at, updated_at)
            values (:id, :p, '2026-02-01', 'BORROWER', 'b-1', 'b-1', 'PAID', :total, 1,
                '2026-03-01', '2026-03-04', 'PAID', :at, :at, :at)
            """)
        .param("id", id)
        .param("p", PLATFORM)
        .param("total", totalCents)
        .param("at", Timestamp.from(T0))
        .update();
  }

  /** The refund's payment as its workflow instructs it, in the status the bank left it. */
  private String refundPayment(String reference, long amountCents, String status) {
    String paymentId = RefundWorkflow.paymentId(reference);
    jdbc.sql(
            """
            insert into payments (payment_id, loan_id, platform_id, borrower_id, type,
                amount_cents, status, iban, instructed_at, created_at, updated_at, channel)
            values (:id, :ref, :p, 'b-1', 'REFUND', :amount, :status, :iban, :at, :at, :at,
                'LIVE')
            """)
        .param("id", paymentId)
        .param("ref", reference)
        .param("p", PLATFORM)
        .param("amount", amountCents)
        .param("status", status)
        .param("iban", PAYER_IBAN)
        .param("at", Timestamp.from(T0))
        .update();
    return paymentId;
  }

  private Map<String, Object> creditRow(String reference) {
    return jdbc.sql("select * from bank_incoming_credits where bank_reference = :r")
        .param("r", reference)
        .query()
        .singleRow();
  }

  private Map<String, Object> paymentRow(String paymentId) {
    return jdbc.sql("select * from payments where payment_id = :id")
        .param("id", paymentId)
        .query()
        .singleRow();
  }

  private static void assertNothing(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, call);
    assertThat(failure).as("NOTHING_TO_REFUND").isNotNull();
    assertThat(failure.getType()).isEqualTo(FailureType.NOTHING_TO_REFUND.type());
    assertThat(failure.isNonRetryable()).isTrue();
  }
}
