package dev.avance.activities.billing;

import dev.avance.activities.TestRows;
import dev.avance.activities.platform.Environment;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows for billing tests and the benchmark, written straight into the schema: platforms, borrowers
 * with their credit lines, paid-out loans with their confirmed reservations, applied repayments and
 * direct-debit mandates. Only the columns billing reads carry meaning; the rest are placeholders.
 */
public final class BillingFixtures {
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  public static final String IBAN = "FR1420041010050500013M02606";

  private final JdbcClient jdbc;

  public BillingFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Empties the tables billing touches. */
  public void reset() {
    jdbc.sql(
            "truncate table ledger_lines, ledger_entries, ledger_accounts, bill_lines, bills, credit_repayments, credit_reservations,"
                + " credit_lines, loans, payments, repayment_methods,"
                + " domain_events, borrowers, platforms cascade")
        .update();
  }

  /** A SANDBOX platform row (its loans are paid out and debited by the simulator). */
  public void platform(String id, String feesPayer) {
    new TestRows(jdbc).platform(id, Environment.SANDBOX);
    jdbc.sql("update platforms set fees_payer = :payer where id = :id")
        .param("id", id)
        .param("payer", feesPayer)
        .update();
  }

  /** A READY borrower with an ACTIVE credit line. */
  public void borrower(String id, String platformId) {
    Timestamp now = Timestamp.from(Instant.parse("2025-01-01T00:00:00Z"));
    jdbc.sql(
            """
            insert into borrowers (id, platform_id, identifier, identifier_type, country, status,
                created_at, updated_at)
            values (:id, :p, :id, 'SIREN', 'FRA', 'READY', :now, :now)
            """)
        .param("id", id)
        .param("p", platformId)
        .param("now", now)
        .update();
    jdbc.sql(
            """
            insert into credit_lines (borrower_id, platform_id, max_amount_cents, status,
                expires_at, created_at, updated_at)
            values (:id, :p, 1000000000000, 'ACTIVE', '2099-01-01T00:00:00Z', :now, :now)
            """)
        .param("id", id)
        .param("p", platformId)
        .param("now", now)
        .update();
  }

  /** The borrower's default repayment method: a direct debit under a mandate. */
  public void mandate(String borrowerId, String platformId) {
    jdbc.sql(
            """
            insert into repayment_methods (id, borrower_id, platform_id, payment_method, status,
                is_default, iban, bic, mandate_reference, apply_to_all_active_loans, created_at,
                updated_at)
            values (:id, :b, :p, 'DIRECT_DEBIT', 'READY', true, :iban, 'PSSTFRPPPAR', :mandate,
                false, now(), now())
            """)
        .param("id", "method-" + borrowerId)
        .param("b", borrowerId)
        .param("p", platformId)
        .param("iban", IBAN)
        .param("mandate", "MANDATE-" + borrowerId)
        .update();
  }

  /**
   * A loan paid out at {@code paidAt} with its reservation confirmed; {@code repaymentMethod}
   * DIRECT_DEBIT or SCT; status TO_REPAY until {@link #repay} says otherwise.
   */
  public void loan(
      String id,
      String platformId,
      String borrowerId,
      long amountCents,
      Instant paidAt,
      String repaymentMethod) {
    LocalDate payoutDay = LocalDate.ofInstant(paidAt, PARIS);
    Timestamp at = Timestamp.from(paidAt);
    jdbc.sql(
            """
            insert into loans (id, platform_id, borrower_id, salt_id, request_hash, loan_type,
                status, amount_cents, outstanding_principal_cents, invoice_number,
                invoice_amount_cents, loan_to_iban, to_pay_at, to_repay_at, requested_to_repay_at,
                paid_at, auto_validate, remittance_reference, repayment_method, created_at,
                updated_at)
            values (:id, :p, :b, :id, 'hash', 'INVOICE_BASED_FINANCING', 'TO_REPAY', :amount,
                :amount, :id, :amount, :iban, :day, :due, :due, :paidAt, true, :id, :method, :paidAt,
                :paidAt)
            """)
        .param("id", id)
        .param("p", platformId)
        .param("b", borrowerId)
        .param("amount", amountCents)
        .param("iban", IBAN)
        .param("day", payoutDay)
        .param("due", payoutDay.plusDays(30))
        .param("paidAt", at)
        .param("method", repaymentMethod)
        .update();
    jdbc.sql(
            """
            insert into credit_reservations (loan_id, borrower_id, platform_id, amount_cents,
                outstanding_cents, status, created_at, updated_at)
            values (:id, :b, :p, :amount, :amount, 'CONFIRMED', :at, :at)
            """)
        .param("id", id)
        .param("b", borrowerId)
        .param("p", platformId)
        .param("amount", amountCents)
        .param("at", at)
        .update();
  }

  /**
   * An applied repayment of {@code appliedCents} at {@code at}; with {@code rest} 0 the loan is
   * repaid and moves to {@code endStatus} (TO_REPAY_FEES for a direct debit, CLOSED by transfer).
   */
  public void repay(
      String loanId, String key, long appliedCents, Instant at, long rest, String endStatus) {
    jdbc.sql(
            """
            insert into credit_repayments (loan_id, platform_id, repayment_key, amount_cents,
                created_at)
            select loan_id, platform_id, :key, :amount, :at from credit_reservations
            where loan_id = :id
            """)
        .param("id", loanId)
        .param("key", key)
        .param("amount", appliedCents)
        .param("at", Timestamp.from(at))
        .update();
    jdbc.sql(
            """
            update loans set outstanding_principal_cents = :rest,
                status = case when :rest = 0 then :end else status end,
                repaid_at = case when :rest = 0 then :at else repaid_at end
            where id = :id
            """)
        .param("rest", rest)
        .param("end", endStatus)
        .param("at", Timestamp.from(at))
        .param("id", loanId)
        .update();
  }

  /** Paris local time to an instant (a time in the spring gap moves forward, as Java does). */
  public static Instant paris(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(PARIS).toInstant();
  }
}
