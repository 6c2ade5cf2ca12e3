package dev.avance.activities.credit;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.workflows.credit.CreditLineStatus;
import dev.avance.workflows.credit.CreditLineView;
import dev.avance.workflows.credit.OpenCreditLine;
import dev.avance.workflows.credit.ReservationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Credit lines, reservations and repayments. Balances are derived from the reservations on every
 * read (see V2__credit_lines.sql), never stored. The {@code lock*} methods take row locks and must
 * run inside the caller's transaction; lock the line before its reservations.
 */
@Repository
public class CreditLineRepository {
  /**
   * One line with its derived balances; the caller appends the where clause. The outstanding amount
   * is the books' (the principal accounts of the borrower's loans); pending is what is held for
   * loans not paid out yet (a payout the bank booked is outstanding, even before its loan confirms
   * its reservation). LedgerCheck holds both to the reservations' sums.
   */
  private static final String BOOKS_VIEW =
      """
      select l.borrower_id, l.platform_id, l.max_amount_cents, l.fees_daily_rate_percent,
          l.status, l.status_reason, l.expires_at, l.updated_at,
          coalesce(b.pending, 0) as pending_cents, coalesce(b.outstanding, 0) as outstanding_cents
      from credit_lines l
      left join lateral (
          select sum(r.amount_cents) filter (
                     where r.status = 'PENDING' and not exists (
                         select 1 from ledger_entries
                         where entry_key = r.loan_id || ':payout:booked')) as pending,
              sum(p.cents) as outstanding
          from credit_reservations r
          left join lateral (select sum(x.amount_cents) as cents from ledger_lines x
                             where x.account = 'loan:' || r.loan_id || ':PRINCIPAL') p on true
          where r.borrower_id = l.borrower_id and r.status in ('PENDING', 'CONFIRMED', 'REPAID')
      ) b on true
      """;

  /** One line with its derived balances, as the reservations hold them (the activities' view). */
  private static final String VIEW =
      """
      select l.borrower_id, l.platform_id, l.max_amount_cents, l.fees_daily_rate_percent,
          l.status, l.status_reason, l.expires_at, l.updated_at,
          coalesce(b.pending, 0) as pending_cents, coalesce(b.outstanding, 0) as outstanding_cents
      from credit_lines l
      left join lateral (
          select sum(r.amount_cents) filter (where r.status = 'PENDING') as pending,
              sum(r.outstanding_cents) filter (where r.status = 'CONFIRMED') as outstanding
          from credit_reservations r
          where r.borrower_id = l.borrower_id and r.status in ('PENDING', 'CONFIRMED')
      ) b on true
      """;

  private static final String RESERVATION_COLUMNS =
      "loan_id, borrower_id, platform_id, amount_cents, outstanding_cents, status, reason";

  private final JdbcClient jdbc;

  public CreditLineRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------------------------------------
  // Read side (API): always scoped to the calling platform.

  public Optional<CreditLineView> findByBorrower(String platformId, String borrowerId) {
    return jdbc.sql(BOOKS_VIEW + " where l.platform_id = :p and l.borrower_id = :b")
        .param("p", platformId)
        .param("b", borrowerId)
        .query(CreditLineRepository::mapView)
        .optional();
  }

  /** The platform's lines ordered by borrower id, or only the given borrower's when not null. */
  public List<CreditLineView> findByPlatform(String platformId, String borrowerIdOrNull) {
    String sql = BOOKS_VIEW + " where l.platform_id = :p";
    if (borrowerIdOrNull != null) {
      sql += " and l.borrower_id = :b";
    }
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql + " order by l.borrower_id").param("p", platformId);
    if (borrowerIdOrNull != null) {
      spec = spec.param("b", borrowerIdOrNull);
    }
    return spec.query(CreditLineRepository::mapView).list();
  }

  // ---------------------------------------------------------------------------------------------
  // Write side (activities).

  /** The line with its balances as the current statement sees them (no platform scope). */
  Optional<CreditLineView> view(String borrowerId) {
    return jdbc.sql(VIEW + " where l.borrower_id = :b")
        .param("b", borrowerId)
        .query(CreditLineRepository::mapView)
        .optional();
  }

  /**
   * Inserts the line ACTIVE, or rescores the line of the same platform: new maximum and expiry,
   * status ACTIVE unless BLOCKED (a status reason survives only with BLOCKED). Returns the number
   * of rows written: 0 means the borrower's line belongs to another platform.
   */
  int upsert(OpenCreditLine command) {
    return jdbc.sql(
            """
            insert into credit_lines (borrower_id, platform_id, max_amount_cents, status,
                status_reason, expires_at, created_at, updated_at)
            values (:b, :p, :max, 'ACTIVE', null, :expiresAt, :at, :at)
            on conflict (borrower_id) do update set
                max_amount_cents = excluded.max_amount_cents,
                expires_at = excluded.expires_at,
                status = case when credit_lines.status = 'BLOCKED' then 'BLOCKED' else 'ACTIVE' end,
                status_reason = case when credit_lines.status = 'BLOCKED'
                    then credit_lines.status_reason else null end,
                updated_at = excluded.updated_at
            where credit_lines.platform_id = excluded.platform_id
            """)
        .param("b", command.borrowerId())
        .param("p", command.platformId())
        .param("max", command.maxAmountCents())
        .param("expiresAt", timestamp(command.expiresAt()))
        .param("at", timestamp(command.at()))
        .update();
  }

  /** Returns the number of rows updated: 0 when the borrower has no line. */
  int updateStatus(String borrowerId, CreditLineStatus status, String reason, Instant at) {
    return jdbc.sql(
            """
            update credit_lines set status = :status, status_reason = :reason, updated_at = :at
            where borrower_id = :b
            """)
        .param("status", status.name())
        .param("reason", reason)
        .param("at", timestamp(at))
        .param("b", borrowerId)
        .update();
  }

  /** Locks the borrower's line ({@code for update}) until the transaction ends. */
  Optional<LockedLine> lockLine(String borrowerId) {
    return jdbc.sql(
            """
            select borrower_id, platform_id, max_amount_cents, status, expires_at
            from credit_lines where borrower_id = :b for update
            """)
        .param("b", borrowerId)
        .query(
            (rs, n) ->
                new LockedLine(
                    rs.getString("borrower_id"),
                    rs.getString("platform_id"),
                    rs.getLong("max_amount_cents"),
                    CreditLineStatus.valueOf(rs.getString("status")),
                    instant(rs, "expires_at")))
        .optional();
  }

  /**
   * pending + outstanding of the line. Under READ COMMITTED this statement, run after {@link
   * #lockLine}, sees every reservation committed by the previous holder of the lock.
   */
  long usedCents(String borrowerId) {
    return jdbc.sql(
            """
            select coalesce(sum(case status when 'PENDING' then amount_cents
                                            else outstanding_cents end), 0)
            from credit_reservations
            where borrower_id = :b and status in ('PENDING', 'CONFIRMED')
            """)
        .param("b", borrowerId)
        .query(Long.class)
        .single();
  }

  Optional<ReservationRow> findReservation(String loanId) {
    return jdbc.sql(
            "select " + RESERVATION_COLUMNS + " from credit_reservations where loan_id = :l")
        .param("l", loanId)
        .query(CreditLineRepository::mapReservation)
        .optional();
  }

  /** Locks the reservation; call after {@link #lockLine} of its borrower. */
  Optional<ReservationRow> lockReservation(String loanId) {
    return jdbc.sql(
            "select "
                + RESERVATION_COLUMNS
                + " from credit_reservations where loan_id = :l for update")
        .param("l", loanId)
        .query(CreditLineRepository::mapReservation)
        .optional();
  }

  void insertReservation(
      String loanId, String borrowerId, String platformId, long amountCents, Instant at) {
    jdbc.sql(
            """
            insert into credit_reservations (loan_id, borrower_id, platform_id, amount_cents,
                outstanding_cents, status, reason, created_at, updated_at)
            values (:l, :b, :p, :amount, :amount, 'PENDING', null, :at, :at)
            """)
        .param("l", loanId)
        .param("b", borrowerId)
        .param("p", platformId)
        .param("amount", amountCents)
        .param("at", timestamp(at))
        .update();
  }

  void updateReservation(
      String loanId, ReservationStatus status, long outstandingCents, String reason, Instant at) {
    jdbc.sql(
            """
            update credit_reservations
            set status = :status, outstanding_cents = :outstanding,
                reason = coalesce(cast(:reason as text), reason), updated_at = :at
            where loan_id = :l
            """)
        .param("status", status.name())
        .param("outstanding", outstandingCents)
        .param("reason", reason)
        .param("at", timestamp(at))
        .param("l", loanId)
        .update();
  }

  boolean repaymentExists(String loanId, String repaymentKey) {
    return jdbc.sql(
                "select count(*) from credit_repayments where loan_id = :l and repayment_key = :k")
            .param("l", loanId)
            .param("k", repaymentKey)
            .query(Long.class)
            .single()
        > 0;
  }

  /** What the repayment keyed so applied, if it was recorded. */
  java.util.Optional<Long> repaymentAmount(String loanId, String repaymentKey) {
    return jdbc.sql(
            "select amount_cents from credit_repayments where loan_id = :l and repayment_key = :k")
        .param("l", loanId)
        .param("k", repaymentKey)
        .query(Long.class)
        .optional();
  }

  /**
   * A loan billed out (its last line fully_billed) that owes principal again is billed again from
   * where its last line stopped.
   */
  void reopenBilling(String loanId) {
    jdbc.sql("update bill_lines set fully_billed = false where loan_id = :l and fully_billed")
        .param("l", loanId)
        .update();
  }

  void insertRepayment(
      String loanId, String platformId, String repaymentKey, long appliedCents, Instant at) {
    jdbc.sql(
            """
            insert into credit_repayments (loan_id, platform_id, repayment_key, amount_cents,
                created_at)
            values (:l, :p, :k, :amount, :at)
            """)
        .param("l", loanId)
        .param("p", platformId)
        .param("k", repaymentKey)
        .param("amount", appliedCents)
        .param("at", timestamp(at))
        .update();
  }

  /** The credit line's row as {@link #lockLine} holds it. */
  record LockedLine(
      String borrowerId,
      String platformId,
      long maxAmountCents,
      CreditLineStatus status,
      Instant expiresAt) {}

  /** A reservation with the columns the workflow's {@code Reservation} does not carry. */
  record ReservationRow(
      String loanId,
      String borrowerId,
      String platformId,
      long amountCents,
      long outstandingCents,
      ReservationStatus status,
      String reason) {}

  private static CreditLineView mapView(ResultSet rs, int rowNum) throws SQLException {
    long max = rs.getLong("max_amount_cents");
    long pending = rs.getLong("pending_cents");
    long outstanding = rs.getLong("outstanding_cents");
    return new CreditLineView(
        rs.getString("borrower_id"),
        rs.getString("platform_id"),
        max,
        available(max, outstanding, pending),
        outstanding,
        pending,
        rs.getBigDecimal("fees_daily_rate_percent"),
        CreditLineStatus.valueOf(rs.getString("status")),
        rs.getString("status_reason"),
        instant(rs, "expires_at"),
        instant(rs, "updated_at"));
  }

  /**
   * max - outstanding - pending, never below zero: a rescore may lower the maximum under what is
   * already used, and then nothing is available (the used amounts stay as they are).
   */
  static long available(long maxCents, long usedCents) {
    return Math.max(0, maxCents - usedCents);
  }

  static long available(long maxCents, long outstandingCents, long pendingCents) {
    return available(maxCents, outstandingCents + pendingCents);
  }

  private static ReservationRow mapReservation(ResultSet rs, int rowNum) throws SQLException {
    return new ReservationRow(
        rs.getString("loan_id"),
        rs.getString("borrower_id"),
        rs.getString("platform_id"),
        rs.getLong("amount_cents"),
        rs.getLong("outstanding_cents"),
        ReservationStatus.valueOf(rs.getString("status")),
        rs.getString("reason"));
  }
}
