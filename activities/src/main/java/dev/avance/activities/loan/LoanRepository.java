package dev.avance.activities.loan;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.activities.common.Keyset;
import dev.avance.workflows.loan.LoanStatusChange;
import dev.avance.workflows.loan.RequestLoan;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LoanRepository {
  private static final String COLUMNS =
      "id, platform_id, borrower_id, salt_id, request_hash, status, denial_reason, amount_cents,"
          + " outstanding_principal_cents, invoice_number, invoice_amount_cents,"
          + " invoice_issue_date, invoice_due_date, debtor_name, debtor_identifier,"
          + " to_account_iban, loan_to_iban, loan_to_bic, to_pay_at, to_repay_at,"
          + " requested_to_repay_at, paid_at, repaid_at, is_late, postponed, auto_validate,"
          + " remittance_reference, repayment_method, metadata::text as metadata, created_at,"
          + " updated_at, delinquency_stage";

  /** Statuses in which a loan still finances its invoice. */
  private static final String ACTIVE = "('DECLINED', 'CANCELED', 'ISSUE_DETECTED')";

  private final JdbcClient jdbc;

  public LoanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the loan unless its id exists; true if new. */
  public boolean insertIfAbsent(RequestLoan r, String reference, Instant at) {
    return jdbc.sql(
                """
                insert into loans (id, platform_id, borrower_id, salt_id, request_hash, loan_type,
                    status, amount_cents, invoice_number, invoice_amount_cents, invoice_issue_date,
                    invoice_due_date, debtor_name, debtor_identifier, to_account_iban,
                    loan_to_iban, loan_to_bic, to_pay_at, to_repay_at, requested_to_repay_at,
                    auto_validate, remittance_reference, metadata, created_at, updated_at)
                values (:id, :platform, :borrower, :salt, :hash, 'INVOICE_BASED_FINANCING',
                    'SUBMITTED', :amount, :invoiceNumber, :invoiceAmount, :issueDate, :dueDate,
                    :debtorName, :debtorId, :toAccount, :loanToIban, :loanToBic, :toPayAt,
                    :toRepayAt, :toRepayAt, :autoValidate, :reference, cast(:metadata as jsonb),
                    :at, :at)
                on conflict (id) do nothing
                """)
            .param("id", r.loanId())
            .param("platform", r.platformId())
            .param("borrower", r.borrowerId())
            .param("salt", r.saltId())
            .param("hash", r.requestHash())
            .param("amount", r.amountCents())
            .param("invoiceNumber", r.invoice().number())
            .param("invoiceAmount", r.invoice().amountCents())
            .param("issueDate", date(r.invoice().issueDate()))
            .param("dueDate", date(r.invoice().dueDate()))
            .param("debtorName", r.invoice().debtorName())
            .param("debtorId", r.invoice().debtorIdentifier())
            .param("toAccount", r.toAccountIban())
            .param("loanToIban", r.loanTo().iban())
            .param("loanToBic", r.loanTo().bic())
            .param("toPayAt", date(r.toPayAt()))
            .param("toRepayAt", date(r.toRepayAt()))
            .param("autoValidate", r.autoValidate())
            .param("reference", reference)
            .param("metadata", r.metadataJson())
            .param("at", timestamp(at))
            .update()
        == 1;
  }

  public void updateStatus(LoanStatusChange c) {
    jdbc.sql(
            """
            update loans set status = :status,
                denial_reason = coalesce(:reason, denial_reason),
                outstanding_principal_cents = :outstanding,
                to_repay_at = :toRepayAt,
                paid_at = coalesce(:paidAt, paid_at),
                repaid_at = case when :status in ('TO_REPAY_FEES', 'CLOSED')
                                 then coalesce(repaid_at, :at) else repaid_at end,
                is_late = :late, postponed = :postponed,
                repaid_late = coalesce(:repaidLate, repaid_late),
                delinquency_stage = coalesce(:stage, delinquency_stage),
                repayment_method = coalesce(:method, repayment_method),
                updated_at = greatest(updated_at, :at)
            where id = :id
            """)
        .param("status", c.status().name())
        .param("reason", c.denialReason())
        .param("outstanding", c.outstandingPrincipalCents())
        .param("toRepayAt", date(c.toRepayAt()))
        .param("paidAt", timestamp(c.paidAt()))
        .param("late", c.late())
        .param("postponed", c.postponed())
        .param("repaidLate", c.repaidLate())
        .param("stage", c.delinquencyStage() == null ? null : c.delinquencyStage().name())
        .param("method", c.repaymentMethod())
        .param("at", timestamp(c.at()))
        .param("id", c.loanId())
        .update();
  }

  public Optional<LoanRow> findById(String platformId, String id) {
    return jdbc.sql("select " + COLUMNS + " from loans where platform_id = :p and id = :id")
        .param("p", platformId)
        .param("id", id)
        .query(LoanRepository::map)
        .optional();
  }

  /** Any platform's loan: for operators, who work across platforms. */
  public Optional<LoanRow> findForOperators(String id) {
    return jdbc.sql("select " + COLUMNS + " from loans where id = :id")
        .param("id", id)
        .query(LoanRepository::map)
        .optional();
  }

  /** The loan a transfer reference names, on the borrower whose virtual IBAN received it. */
  public Optional<LoanRow> findByReference(String reference) {
    return jdbc.sql("select " + COLUMNS + " from loans where remittance_reference = :r")
        .param("r", reference)
        .query(LoanRepository::map)
        .optional();
  }

  /** The borrower's record on Avance, for scoring: repaid on time, repaid late, late now. */
  public record History(int onTime, int late, boolean currentlyLate) {}

  public History history(String borrowerId) {
    return jdbc.sql(
            """
            select
              count(*) filter (where status in ('TO_REPAY_FEES', 'CLOSED')
                  and not coalesce(repaid_late,
                      (repaid_at at time zone 'Europe/Paris')::date > to_repay_at)) as on_time,
              count(*) filter (where status in ('TO_REPAY_FEES', 'CLOSED')
                  and coalesce(repaid_late,
                      (repaid_at at time zone 'Europe/Paris')::date > to_repay_at)) as late,
              coalesce(bool_or(status = 'TO_REPAY' and is_late), false) as late_now
            from loans where borrower_id = :b
            """)
        .param("b", borrowerId)
        .query(
            (rs, n) ->
                new History(rs.getInt("on_time"), rs.getInt("late"), rs.getBoolean("late_now")))
        .single();
  }

  /** Loans that may still change how they are repaid: not ended, not yet repaid. */
  public List<String> activeLoanIds(String borrowerId) {
    return jdbc.sql(
            "select id from loans where borrower_id = :b and status in ('PENDING_VALIDATION',"
                + " 'TO_VALIDATE', 'VALIDATED', 'SCHEDULED', 'INITIATED', 'TO_REPAY') order by id")
        .param("b", borrowerId)
        .query(String.class)
        .list();
  }

  public boolean borrowerHasLateLoan(String borrowerId) {
    return jdbc.sql(
            "select exists (select 1 from loans where borrower_id = :b and status = 'TO_REPAY'"
                + " and is_late)")
        .param("b", borrowerId)
        .query(Boolean.class)
        .single();
  }

  public boolean invoiceFinancedByAnother(
      String platformId, String borrowerId, String invoiceNumber, String loanId) {
    return jdbc.sql(
            "select exists (select 1 from loans where platform_id = :p and borrower_id = :b"
                + " and invoice_number = :n and id <> :id and status not in "
                + ACTIVE
                + ")")
        .param("p", platformId)
        .param("b", borrowerId)
        .param("n", invoiceNumber)
        .param("id", loanId)
        .query(Boolean.class)
        .single();
  }

  public List<LoanRow> find(LoanQuery q) {
    Keyset page = new Keyset(q.ascending(), q.afterCreatedAt(), q.afterId(), q.limit());
    StringBuilder sql =
        new StringBuilder("select " + COLUMNS + " from loans where platform_id = :p");
    if (q.statuses() != null && !q.statuses().isEmpty()) {
      sql.append(" and status in (:statuses)");
    }
    if (q.borrowerId() != null) {
      sql.append(" and borrower_id = :borrower");
    }
    if (q.late() != null) {
      sql.append(" and is_late = :late");
    }
    if (q.toRepayAtFrom() != null) {
      sql.append(" and to_repay_at >= :repayFrom");
    }
    if (q.toRepayAtTo() != null) {
      sql.append(" and to_repay_at <= :repayTo");
    }
    if (q.toPayAtFrom() != null) {
      sql.append(" and to_pay_at >= :payFrom");
    }
    if (q.toPayAtTo() != null) {
      sql.append(" and to_pay_at <= :payTo");
    }
    page.appendTo(sql);
    JdbcClient.StatementSpec spec = page.bind(jdbc.sql(sql.toString()).param("p", q.platformId()));
    if (q.statuses() != null && !q.statuses().isEmpty()) {
      spec = spec.param("statuses", q.statuses());
    }
    if (q.borrowerId() != null) {
      spec = spec.param("borrower", q.borrowerId());
    }
    if (q.late() != null) {
      spec = spec.param("late", q.late());
    }
    if (q.toRepayAtFrom() != null) {
      spec = spec.param("repayFrom", date(q.toRepayAtFrom()));
    }
    if (q.toRepayAtTo() != null) {
      spec = spec.param("repayTo", date(q.toRepayAtTo()));
    }
    if (q.toPayAtFrom() != null) {
      spec = spec.param("payFrom", date(q.toPayAtFrom()));
    }
    if (q.toPayAtTo() != null) {
      spec = spec.param("payTo", date(q.toPayAtTo()));
    }
    return spec.query(LoanRepository::map).list();
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static LoanRow map(ResultSet rs, int n) throws SQLException {
    return new LoanRow(
        rs.getString("id"),
        rs.getString("platform_id"),
        rs.getString("borrower_id"),
        rs.getString("salt_id"),
        rs.getString("request_hash"),
        rs.getString("status"),
        rs.getString("denial_reason"),
        rs.getLong("amount_cents"),
        rs.getLong("outstanding_principal_cents"),
        rs.getString("invoice_number"),
        rs.getLong("invoice_amount_cents"),
        localDate(rs, "invoice_issue_date"),
        localDate(rs, "invoice_due_date"),
        rs.getString("debtor_name"),
        rs.getString("debtor_identifier"),
        rs.getString("to_account_iban"),
        rs.getString("loan_to_iban"),
        rs.getString("loan_to_bic"),
        localDate(rs, "to_pay_at"),
        localDate(rs, "to_repay_at"),
        localDate(rs, "requested_to_repay_at"),
        instant(rs, "paid_at"),
        instant(rs, "repaid_at"),
        rs.getBoolean("is_late"),
        rs.getBoolean("postponed"),
        rs.getBoolean("auto_validate"),
        rs.getString("remittance_reference"),
        rs.getString("repayment_method"),
        rs.getString("metadata"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getString("delinquency_stage"));
  }
}
