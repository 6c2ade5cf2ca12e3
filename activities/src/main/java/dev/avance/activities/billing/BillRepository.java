package dev.avance.activities.billing;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.workflows.billing.BillStatus;
import dev.avance.workflows.billing.PayerType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The bills and their lines. Reads for the API are scoped to the calling platform; the write side
 * is for {@link BillingActivitiesImpl} and runs in its transactions.
 */
@Repository
public class BillRepository {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static final String COLUMNS =
      """
      b.id, b.platform_id, b.period, b.payer_type, b.payer_id, b.borrower_id, b.status,
      b.total_cents, b.lines_count, b.bill_date, b.due_date, b.payment_id, b.payment_status,
      b.paid_at, b.created_at, b.updated_at, p.status as debit_status,
      p.failure_reason as debit_failure_reason, p.execution_date as debit_collection_date,
      br.virtual_iban as payer_virtual_iban
      """;

  private static final String FROM =
      " from bills b left join payments p on p.payment_id = b.payment_id"
          + " left join borrowers br on br.id = b.borrower_id";

  /**
   * Every loan's interest for one period, in one pass over the principal timelines.
   *
   * <p>A loan's timeline: its amount from the Paris date of {@code paid_at}, lowered by each
   * applied repayment ({@code credit_repayments}) from the Paris date of its {@code created_at}.
   * The payout day is always charged on the whole amount (a repayment on the payout day counts from
   * the next day): every cent lent costs at least one day, which is the one-day minimum of a loan
   * repaid on its payout day.
   *
   * <p>The line of a loan charges [from_day, to_day): from where its previous line stopped (its
   * payout day for the first one) to the end of the period, or, for a period still in progress, to
   * the run day (its days are not over; the payout day, certain, is always included). A loan with a
   * line for this period or a later one, or billed out (principal repaid), is left out.
   *
   * <p>The query sums whole cent-days only (integers, exact); the caller turns them into exact
   * interest and cents with {@code Interest}.
   *
   * <p>The days after the loan's due date ({@code to_repay_at}, from the day after it) are summed
   * apart too, for the optional penalty on late principal: the same timeline, so a partial
   * repayment lowers the penalty from its day as it lowers the interest.
   *
   * <p>A written-off loan stops accruing on its write-off day (the day after its payout at the
   * earliest): the principal leaves the timeline then, and money applied after it is a recovery,
   * not a repayment that would lower it below zero.
   */
  private static final String ACCRUALS =
      """
      with candidates as (
          select l.id, l.platform_id, l.borrower_id, l.amount_cents, l.repayment_method,
                 f.fees_payer, (l.paid_at at time zone 'Europe/Paris')::date as payout_day,
                 l.to_repay_at as due_day
          from loans l join platforms f on f.id = l.platform_id
          where l.paid_at is not null and l.paid_at < :periodEndAt and l.paid_at <= :at
            and not exists (select 1 from bill_lines d
                            where d.loan_id = l.id and (d.fully_billed or d.period >= :period))
      ),
      windows as (
          select c.*, prev.accrued_through as accrued_before,
                 coalesce(prev.accrued_to, c.payout_day) as from_day,
                 least(:periodEnd, greatest(:runDay, c.payout_day + 1)) as to_day
          from candidates c
          left join lateral (select b.accrued_to, b.accrued_through from bill_lines b
                             where b.loan_id = c.id order by b.period desc limit 1) prev on true
      ),
      open_windows as (
          select * from windows where from_day < to_day
      ),
      changes as (
          select o.id as loan_id, o.payout_day as day, o.amount_cents as delta from open_windows o
          union all
          select r.loan_id,
                 greatest((r.created_at at time zone 'Europe/Paris')::date, o.payout_day + 1),
                 -r.amount_cents
          from credit_repayments r join open_windows o on o.id = r.loan_id
          where r.amount_cents <> 0
            and not exists (select 1 from loan_write_offs w
                            where w.loan_id = r.loan_id and r.created_at >= w.written_off_at)
          union all
          select w.loan_id,
                 greatest((w.written_off_at at time zone 'Europe/Paris')::date, o.payout_day + 1),
                 -w.principal_cents
          from loan_write_offs w join open_windows o on o.id = w.loan_id
      ),
      segments as (
          select loan_id, day as seg_from,
                 coalesce(lead(day) over w, 'infinity'::date) as seg_to,
                 sum(delta) over w as principal
          from (select loan_id, day, sum(delta) as delta from changes group by loan_id, day) d
          window w as (partition by loan_id order by day)
      ),
      sums as (
          select s.loan_id,
                 sum(s.principal * greatest(0, least(s.seg_to, o.to_day) - s.seg_from))
                     as through_days,
                 sum(s.principal * greatest(0, least(s.seg_to, o.to_day)
                                               - greatest(s.seg_from, o.from_day)))
                     as window_days,
                 sum(case when s.principal > 0
                          then greatest(0, least(s.seg_to, o.to_day)
                                           - greatest(s.seg_from, o.from_day))
                          else 0 end) as days,
                 sum(case when s.seg_from <= o.to_day and o.to_day < s.seg_to
                          then s.principal else 0 end) as principal_after,
                 sum(s.principal * greatest(0, least(s.seg_to, o.to_day)
                                               - greatest(s.seg_from, o.from_day, o.due_day + 1)))
                     as penalty_days_sum,
                 sum(case when s.principal > 0
                          then greatest(0, least(s.seg_to, o.to_day)
                                           - greatest(s.seg_from, o.from_day, o.due_day + 1))
                          else 0 end) as penalty_days
          from segments s join open_windows o on o.id = s.loan_id
          group by s.loan_id
      )
      select o.id, o.platform_id, o.borrower_id, o.amount_cents, o.repayment_method, o.fees_payer,
             o.from_day, o.to_day, o.accrued_before,
             s.through_days::bigint as through_principal_days,
             s.window_days::bigint as window_principal_days,
             s.days::integer as days, s.principal_after::bigint as principal_after,
             s.penalty_days_sum::bigint as penalty_principal_days,
             s.penalty_days::integer as penalty_days
      from open_windows o join sums s on s.loan_id = o.id
      where s.window_days > 0
      """;

  private final JdbcClient jdbc;

  public BillRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------------------------------------
  // Read side (API): always scoped to the calling platform.

  /** A page of the platform's bills (its own and its borrowers'), newest first by default. */
  public List<BillRow> find(BillQuery q) {
    String cmp = q.ascending() ? ">" : "<";
    String dir = q.ascending() ? "asc" : "desc";
    StringBuilder sql = new StringBuilder("select " + COLUMNS + FROM + " where b.platform_id = :p");
    if (q.period() != null) {
      sql.append(" and b.period = :period");
    }
    if (q.payerType() != null) {
      sql.append(" and b.payer_type = :payerType");
    }
    if (q.payerId() != null) {
      sql.append(" and b.payer_id = :payerId");
    }
    if (q.statuses() != null && !q.statuses().isEmpty()) {
      sql.append(" and b.status in (:statuses)");
    }
    if (q.afterCreatedAt() != null) {
      sql.append(" and (b.created_at, b.id) ").append(cmp).append(" (:afterCreatedAt, :afterId)");
    }
    sql.append(" order by b.created_at ")
        .append(dir)
        .append(", b.id ")
        .append(dir)
        .append(" limit :limit");
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql.toString()).param("p", q.platformId()).param("limit", q.limit());
    if (q.period() != null) {
      spec = spec.param("period", Date.valueOf(q.period().atDay(1)));
    }
    if (q.payerType() != null) {
      spec = spec.param("payerType", q.payerType().name());
    }
    if (q.payerId() != null) {
      spec = spec.param("payerId", q.payerId());
    }
    if (q.statuses() != null && !q.statuses().isEmpty()) {
      spec = spec.param("statuses", q.statuses().stream().map(BillStatus::name).toList());
    }
    if (q.afterCreatedAt() != null) {
      spec =
          spec.param("afterCreatedAt", timestamp(q.afterCreatedAt())).param("afterId", q.afterId());
    }
    return spec.query(BillRepository::map).list();
  }

  /** One bill of the platform; empty when it is missing or another platform's. */
  public Optional<BillRow> findById(String platformId, String billId) {
    return jdbc.sql("select " + COLUMNS + FROM + " where b.platform_id = :p and b.id = :id")
        .param("p", platformId)
        .param("id", billId)
        .query(BillRepository::map)
        .optional();
  }

  /** Any platform's bill, for operators; locked until the transaction ends when {@code lock}. */
  public Optional<BillRow> findForOperators(String billId, boolean lock) {
    return jdbc.sql(
            "select " + COLUMNS + FROM + " where b.id = :id" + (lock ? " for update of b" : ""))
        .param("id", billId)
        .query(BillRepository::map)
        .optional();
  }

  /**
   * A bill paid by transfer, without a debit or after its debit failed or came back: TO_PAY becomes
   * PAID. True if the bill changed.
   */
  boolean recordTransferPayment(String billId, Instant paidAt, Instant at) {
    int changed =
        jdbc.sql(
                """
                update bills set status = 'PAID', payment_status = 'PAID', paid_at = :paidAt,
                    updated_at = greatest(updated_at, :at)
                where id = :id and status = 'TO_PAY'
                  and (payment_id is null
                       or payment_status in ('RETURNED', 'FAILED')
                       or exists (select 1 from payments p where p.payment_id = bills.payment_id
                                  and p.status in ('RETURNED', 'FAILED', 'CANCELED')))
                """)
            .param("paidAt", timestamp(paidAt))
            .param("at", timestamp(at))
            .param("id", billId)
            .update();
    if (changed == 1) {
      appendEvents(List.of(billId), "PAID", at);
    }
    return changed == 1;
  }

  /** The bill's lines, by loan id; call after {@link #findById} has checked the platform. */
  public List<BillLineRow> lines(String billId) {
    return jdbc.sql(
            """
            select loan_id, accrued_from, accrued_to, days, principal_days, principal_cents,
                accrued_before, accrued_through, interest_exact, billed_cents, fully_billed,
                penalty_days, penalty_principal_days, penalty_exact, penalty_cents
            from bill_lines where bill_id = :id order by loan_id
            """)
        .param("id", billId)
        .query(
            (rs, n) ->
                new BillLineRow(
                    rs.getString("loan_id"),
                    rs.getObject("accrued_from", LocalDate.class),
                    rs.getObject("accrued_to", LocalDate.class),
                    rs.getInt("days"),
                    rs.getLong("principal_days"),
                    rs.getLong("principal_cents"),
                    rs.getBigDecimal("accrued_before"),
                    rs.getBigDecimal("accrued_through"),
                    rs.getBigDecimal("interest_exact"),
                    rs.getLong("billed_cents"),
                    rs.getBoolean("fully_billed"),
                    rs.getInt("penalty_days"),
                    rs.getLong("penalty_principal_days"),
                    rs.getBigDecimal("penalty_exact"),
                    rs.getLong("penalty_cents")))
        .list();
  }

  // ---------------------------------------------------------------------------------------------
  // Write side (activities).

  /**
   * Serializes the runs of one period until the transaction ends (a transaction-scoped advisory
   * lock, whatever node runs them): the second one sees the first one's lines and writes nothing.
   */
  void lockPeriod(YearMonth period) {
    // The accrual sorts every loan's timeline at once: memory for it, for this transaction only.
    jdbc.sql("set local work_mem = '64MB'").update();
    jdbc.sql("select pg_advisory_xact_lock(:space, :key)")
        .param("space", 0x42494C4C) // "BILL"
        .param("key", period.getYear() * 100 + period.getMonthValue())
        .query((rs, n) -> 1)
        .list();
  }

  /** A loan's cent-days for a period, as {@link #ACCRUALS} computes them. */
  record Accrual(
      String loanId,
      String platformId,
      String borrowerId,
      long amountCents,
      String repaymentMethod,
      String feesPayer,
      LocalDate from,
      LocalDate to,
      BigDecimal accruedBefore,
      long throughPrincipalDays,
      long windowPrincipalDays,
      int days,
      long principalAfter,
      long penaltyPrincipalDays,
      int penaltyDays) {}

  /**
   * The accruals of {@code period} billed at {@code at} (its Europe/Paris date is the run day), for
   * every loan with interest to bill.
   */
  List<Accrual> accruals(YearMonth period, Instant at) {
    LocalDate runDay = LocalDate.ofInstant(at, PARIS);
    LocalDate end = period.plusMonths(1).atDay(1);
    return jdbc.sql(ACCRUALS)
        .param("period", Date.valueOf(period.atDay(1)))
        .param("periodEnd", Date.valueOf(end))
        .param("periodEndAt", timestamp(end.atStartOfDay(PARIS).toInstant()))
        .param("runDay", Date.valueOf(runDay))
        .param("at", timestamp(at))
        .query(
            (rs, n) ->
                new Accrual(
                    rs.getString("id"),
                    rs.getString("platform_id"),
                    rs.getString("borrower_id"),
                    rs.getLong("amount_cents"),
                    rs.getString("repayment_method"),
                    rs.getString("fees_payer"),
                    rs.getObject("from_day", LocalDate.class),
                    rs.getObject("to_day", LocalDate.class),
                    rs.getBigDecimal("accrued_before"),
                    rs.getLong("through_principal_days"),
                    rs.getLong("window_principal_days"),
                    rs.getInt("days"),
                    rs.getLong("principal_after"),
                    rs.getLong("penalty_principal_days"),
                    rs.getInt("penalty_days")))
        .list();
  }

  /** The period's bills by id, with their status. */
  Map<String, BillStatus> statuses(YearMonth period) {
    return jdbc
        .sql("select id, status from bills where period = :period")
        .param("period", Date.valueOf(period.atDay(1)))
        .query((rs, n) -> Map.entry(rs.getString("id"), BillStatus.valueOf(rs.getString("status"))))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** A bill to create. */
  record NewBill(
      String id,
      String platformId,
      PayerType payerType,
      String payerId,
      String borrowerId,
      long totalCents,
      int linesCount,
      LocalDate billDate,
      LocalDate dueDate) {}

  /** A line to write. */
  record NewLine(
      String billId,
      String loanId,
      LocalDate from,
      LocalDate to,
      int days,
      long principalDays,
      long principalCents,
      BigDecimal accruedBefore,
      BigDecimal accruedThrough,
      BigDecimal interestExact,
      long billedCents,
      boolean fullyBilled,
      int penaltyDays,
      long penaltyPrincipalDays,
      BigDecimal penaltyExact,
      long penaltyCents) {}

  /** Inserts the bills GENERATED, with their events; one statement per call (arrays). */
  void insertBills(YearMonth period, List<NewBill> bills, Instant at) {
    if (bills.isEmpty()) {
      return;
    }
    int n = bills.size();
    String[] ids = new String[n];
    String[] platforms = new String[n];
    String[] payerTypes = new String[n];
    String[] payerIds = new String[n];
    String[] borrowers = new String[n];
    Long[] totals = new Long[n];
    Integer[] counts = new Integer[n];
    Date[] billDates = new Date[n];
    Date[] dueDates = new Date[n];
    for (int i = 0; i < n; i++) {
      NewBill b = bills.get(i);
      ids[i] = b.id();
      platforms[i] = b.platformId();
      payerTypes[i] = b.payerType().name();
      payerIds[i] = b.payerId();
      borrowers[i] = b.borrowerId();
      totals[i] = b.totalCents();
      counts[i] = b.linesCount();
      billDates[i] = Date.valueOf(b.billDate());
      dueDates[i] = Date.valueOf(b.dueDate());
    }
    jdbc.sql(
            """
            insert into bills (id, platform_id, period, payer_type, payer_id, borrower_id, status,
                total_cents, lines_count, bill_date, due_date, created_at, updated_at)
            select u.id, u.platform_id, :period, u.payer_type, u.payer_id, u.borrower_id,
                'GENERATED', u.total, u.count, u.bill_date, u.due_date, :at, :at
            from unnest(:ids, :platforms, :payerTypes, :payerIds, :borrowers, :totals, :counts,
                        :billDates, :dueDates)
                as u(id, platform_id, payer_type, payer_id, borrower_id, total, count, bill_date,
                     due_date)
            on conflict (id) do nothing
            """)
        .param("period", Date.valueOf(period.atDay(1)))
        .param("at", timestamp(at))
        .param("ids", new SqlArrayValue("text", (Object[]) ids))
        .param("platforms", new SqlArrayValue("text", (Object[]) platforms))
        .param("payerTypes", new SqlArrayValue("text", (Object[]) payerTypes))
        .param("payerIds", new SqlArrayValue("text", (Object[]) payerIds))
        .param("borrowers", new SqlArrayValue("text", (Object[]) borrowers))
        .param("totals", new SqlArrayValue("int8", (Object[]) totals))
        .param("counts", new SqlArrayValue("int4", (Object[]) counts))
        .param("billDates", new SqlArrayValue("date", (Object[]) billDates))
        .param("dueDates", new SqlArrayValue("date", (Object[]) dueDates))
        .update();
    appendEvents(List.of(ids), BillStatus.GENERATED.name(), at);
  }

  /** Inserts the lines; a line already written for its (loan, period) is kept as it was. */
  int insertLines(YearMonth period, List<NewLine> lines) {
    if (lines.isEmpty()) {
      return 0;
    }
    int n = lines.size();
    String[] bills = new String[n];
    String[] loans = new String[n];
    Date[] froms = new Date[n];
    Date[] tos = new Date[n];
    Integer[] days = new Integer[n];
    Long[] principalDays = new Long[n];
    Long[] principals = new Long[n];
    String[] before = new String[n];
    String[] through = new String[n];
    String[] exact = new String[n];
    Long[] billed = new Long[n];
    Boolean[] done = new Boolean[n];
    Integer[] penaltyDays = new Integer[n];
    Long[] penaltyPrincipalDays = new Long[n];
    String[] penaltyExact = new String[n];
    Long[] penaltyCents = new Long[n];
    for (int i = 0; i < n; i++) {
      NewLine l = lines.get(i);
      bills[i] = l.billId();
      loans[i] = l.loanId();
      froms[i] = Date.valueOf(l.from());
      tos[i] = Date.valueOf(l.to());
      days[i] = l.days();
      principalDays[i] = l.principalDays();
      principals[i] = l.principalCents();
      // Plain strings: exact decimals cross the wire as text, never as a floating value.
      before[i] = l.accruedBefore().toPlainString();
      through[i] = l.accruedThrough().toPlainString();
      exact[i] = l.interestExact().toPlainString();
      billed[i] = l.billedCents();
      done[i] = l.fullyBilled();
      penaltyDays[i] = l.penaltyDays();
      penaltyPrincipalDays[i] = l.penaltyPrincipalDays();
      penaltyExact[i] = l.penaltyExact().toPlainString();
      penaltyCents[i] = l.penaltyCents();
    }
    return jdbc.sql(
            """
            insert into bill_lines (bill_id, loan_id, period, accrued_from, accrued_to, days,
                principal_days, principal_cents, accrued_before, accrued_through, interest_exact,
                billed_cents, fully_billed, penalty_days, penalty_principal_days, penalty_exact,
                penalty_cents)
            select u.bill_id, u.loan_id, :period, u.accrued_from, u.accrued_to, u.days,
                u.principal_days, u.principal_cents, u.before::numeric, u.through::numeric,
                u.exact::numeric, u.billed, u.done, u.penalty_days, u.penalty_principal_days,
                u.penalty_exact::numeric, u.penalty_cents
            from unnest(:bills, :loans, :froms, :tos, :days, :principalDays, :principals,
                        :before, :through, :exact, :billed, :done, :penaltyDays,
                        :penaltyPrincipalDays, :penaltyExact, :penaltyCents)
                as u(bill_id, loan_id, accrued_from, accrued_to, days, principal_days,
                     principal_cents, before, through, exact, billed, done, penalty_days,
                     penalty_principal_days, penalty_exact, penalty_cents)
            on conflict (loan_id, period) do nothing
            """)
        .param("period", Date.valueOf(period.atDay(1)))
        .param("bills", new SqlArrayValue("text", (Object[]) bills))
        .param("loans", new SqlArrayValue("text", (Object[]) loans))
        .param("froms", new SqlArrayValue("date", (Object[]) froms))
        .param("tos", new SqlArrayValue("date", (Object[]) tos))
        .param("days", new SqlArrayValue("int4", (Object[]) days))
        .param("principalDays", new SqlArrayValue("int8", (Object[]) principalDays))
        .param("principals", new SqlArrayValue("int8", (Object[]) principals))
        .param("before", new SqlArrayValue("text", (Object[]) before))
        .param("through", new SqlArrayValue("text", (Object[]) through))
        .param("exact", new SqlArrayValue("text", (Object[]) exact))
        .param("billed", new SqlArrayValue("int8", (Object[]) billed))
        .param("done", new SqlArrayValue("bool", (Object[]) done))
        .param("penaltyDays", new SqlArrayValue("int4", (Object[]) penaltyDays))
        .param("penaltyPrincipalDays", new SqlArrayValue("int8", (Object[]) penaltyPrincipalDays))
        .param("penaltyExact", new SqlArrayValue("text", (Object[]) penaltyExact))
        .param("penaltyCents", new SqlArrayValue("int8", (Object[]) penaltyCents))
        .update();
  }

  /** Recomputes the total and line count of GENERATED bills from their lines. */
  void refreshTotals(Collection<String> billIds) {
    if (billIds.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            update bills b set total_cents = s.total, lines_count = s.count
            from (select bill_id, sum(billed_cents + penalty_cents) as total, count(*) as count
                  from bill_lines
                  where bill_id = any(:ids) group by bill_id) s
            where b.id = s.bill_id and b.status = 'GENERATED'
            """)
        .param("ids", new SqlArrayValue("text", billIds.toArray()))
        .update();
  }

  /** A bill as the issuing step sees it, locked. */
  record BillToIssue(
      String id,
      String platformId,
      PayerType payerType,
      String borrowerId,
      BillStatus status,
      long totalCents,
      LocalDate billDate) {}

  /** Locks up to {@code limit} of the period's bills in these statuses after {@code afterId}. */
  List<BillToIssue> lockToIssue(YearMonth period, String afterId, int limit) {
    return jdbc.sql(
            """
            select id, platform_id, payer_type, borrower_id, status, total_cents, bill_date
            from bills
            where period = :period and status in ('GENERATED', 'VALIDATED')
              and (cast(:after as text) is null or id > :after)
            order by id limit :limit
            for update
            """)
        .param("period", Date.valueOf(period.atDay(1)))
        .param("after", afterId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new BillToIssue(
                    rs.getString("id"),
                    rs.getString("platform_id"),
                    PayerType.valueOf(rs.getString("payer_type")),
                    rs.getString("borrower_id"),
                    BillStatus.valueOf(rs.getString("status")),
                    rs.getLong("total_cents"),
                    rs.getObject("bill_date", LocalDate.class)))
        .list();
  }

  /** The borrower's mandate: its default repayment method when it is a direct debit. */
  record Mandate(String iban, String bic, String reference) {}

  Optional<Mandate> mandate(String borrowerId) {
    return jdbc.sql(
            """
            select iban, bic, mandate_reference from repayment_methods
            where borrower_id = :b and is_default and payment_method = 'DIRECT_DEBIT'
              and mandate_reference is not null and iban is not null
            """)
        .param("b", borrowerId)
        .query(
            (rs, n) ->
                new Mandate(
                    rs.getString("iban"), rs.getString("bic"), rs.getString("mandate_reference")))
        .optional();
  }

  /**
   * Moves the bill to {@code status} (PAID also sets paid_at) and appends its event, unless it is
   * there already; true if it moved.
   */
  boolean setStatus(String billId, BillStatus status, Instant at) {
    int changed =
        jdbc.sql(
                """
                update bills set status = :status,
                    paid_at = case when :status = 'PAID' then coalesce(paid_at, :at) else paid_at end,
                    updated_at = greatest(updated_at, :at)
                where id = :id and status <> :status
                """)
            .param("status", status.name())
            .param("at", timestamp(at))
            .param("id", billId)
            .update();
    if (changed == 1) {
      appendEvents(List.of(billId), status.name(), at);
    }
    return changed == 1;
  }

  /** VALIDATED to TO_PAY with the payment collecting it; true if it moved. */
  boolean debitInstructed(String billId, String paymentId, Instant at) {
    int changed =
        jdbc.sql(
                """
                update bills set status = 'TO_PAY', payment_id = :payment,
                    updated_at = greatest(updated_at, :at)
                where id = :id and status = 'VALIDATED'
                """)
            .param("payment", paymentId)
            .param("at", timestamp(at))
            .param("id", billId)
            .update();
    if (changed == 1) {
      appendEvents(List.of(billId), BillStatus.TO_PAY.name(), at);
    }
    return changed == 1;
  }

  /** A debited bill: its id and its payment. */
  record Debited(String billId, String paymentId) {}

  /** Up to {@code limit} TO_PAY bills of the period whose debit outcome is not recorded yet. */
  List<Debited> debitedAwaitingOutcome(YearMonth period, String afterId, int limit) {
    return jdbc.sql(
            """
            select id, payment_id from bills
            where period = :period and status = 'TO_PAY' and payment_id is not null
              and payment_status is null and (cast(:after as text) is null or id > :after)
            order by id limit :limit
            """)
        .param("period", Date.valueOf(period.atDay(1)))
        .param("after", afterId)
        .param("limit", limit)
        .query((rs, n) -> new Debited(rs.getString("id"), rs.getString("payment_id")))
        .list();
  }

  /**
   * Records a debit's outcome: PAID makes the bill PAID; RETURNED or FAILED leave it TO_PAY. True
   * if the bill changed (its event is then appended).
   */
  boolean recordOutcome(String billId, String paymentStatus, Instant paidAt, Instant at) {
    boolean paid = "PAID".equals(paymentStatus);
    int changed =
        jdbc.sql(
                """
                update bills set payment_status = :ps,
                    status = case when :paid then 'PAID' else status end,
                    paid_at = case when :paid then coalesce(cast(:paidAt as timestamptz), :at) else paid_at end,
                    updated_at = greatest(updated_at, :at)
                where id = :id and status = 'TO_PAY' and payment_status is null
                """)
            .param("ps", paymentStatus)
            .param("paid", paid)
            .param("paidAt", timestamp(paidAt))
            .param("at", timestamp(at))
            .param("id", billId)
            .update();
    if (changed == 1) {
      appendEvents(List.of(billId), paid ? "PAID" : "PAYMENT_" + paymentStatus, at);
    }
    return changed == 1;
  }

  /**
   * Closes the loans in TO_REPAY_FEES whose principal is repaid, whose interest is billed out (a
   * line marked fully_billed) and whose bills are all PAID; with {@code billIds}, only the loans on
   * those bills. Writes a {@code loan.CLOSED} event per loan. Returns the loans closed.
   *
   * <p>A loan's interest is billed out when a line is marked fully_billed, or when its last line
   * reaches the day its principal was last repaid: a loan repaid on the 1st after that day's run
   * owes nothing for the 1st (the repayment day is not charged), so no later line ever comes to
   * mark it, and it would otherwise never close.
   */
  List<String> closeSettledLoans(Collection<String> billIds, Instant at) {
    String scope =
        billIds == null
            ? ""
            : "and l.id in (select loan_id from bill_lines where bill_id = any(:ids))";
    JdbcClient.StatementSpec spec =
        jdbc.sql(
                """
                with settled as (
                    select l.id from loans l
                    where l.status = 'TO_REPAY_FEES' and l.outstanding_principal_cents = 0
                      %s
                      and (exists (select 1 from bill_lines d
                                   where d.loan_id = l.id and d.fully_billed)
                           or exists (select 1 from bill_lines d
                                      where d.loan_id = l.id
                                        and d.accrued_to >= greatest(
                                            (l.paid_at at time zone 'Europe/Paris')::date + 1,
                                            (select max((r.created_at at time zone
                                                         'Europe/Paris')::date)
                                             from credit_repayments r
                                             where r.loan_id = l.id))))
                      and not exists (select 1 from bill_lines d join bills b on b.id = d.bill_id
                                      where d.loan_id = l.id and b.status <> 'PAID')
                    for update of l
                ),
                closed as (
                    update loans l set status = 'CLOSED', updated_at = greatest(l.updated_at, :at)
                    from settled s where l.id = s.id and l.status = 'TO_REPAY_FEES'
                    returning l.id, l.platform_id
                ),
                events as (
                    insert into domain_events (platform_id, entity_type, entity_id, event_type,
                        event_key, occurred_at)
                    select platform_id, 'loan', id, 'loan.CLOSED', id || ':fees-paid', :at
                    from closed
                    on conflict (event_key) do nothing
                )
                select id from closed order by id
                """
                    .formatted(scope))
            .param("at", timestamp(at));
    if (billIds != null) {
      spec = spec.param("ids", new SqlArrayValue("text", billIds.toArray()));
    }
    return spec.query(String.class).list();
  }

  /**
   * A bill's direct debit came back after it had settled (a return or a refund within the SEPA
   * window): the bill is TO_PAY again, payable by transfer, and the loans it had closed wait for
   * their fees again (TO_REPAY_FEES). Runs in the transaction that applies the bank's entry. True
   * if a PAID bill was reopened.
   */
  public boolean reopenAfterReturn(String paymentId, Instant at) {
    Optional<String> billId =
        jdbc.sql("select id from bills where payment_id = :p and status = 'PAID' for update")
            .param("p", paymentId)
            .query(String.class)
            .optional();
    if (billId.isEmpty()) {
      return false;
    }
    jdbc.sql(
            """
            update bills set status = 'TO_PAY', payment_status = 'RETURNED', paid_at = null,
                updated_at = greatest(updated_at, :at)
            where id = :id
            """)
        .param("at", timestamp(at))
        .param("id", billId.get())
        .update();
    jdbc.sql(
            """
            with reopened as (
                update loans l set status = 'TO_REPAY_FEES', updated_at = greatest(l.updated_at, :at)
                where l.status = 'CLOSED'
                  and l.id in (select loan_id from bill_lines where bill_id = :id)
                returning l.id, l.platform_id
            )
            insert into domain_events (platform_id, entity_type, entity_id, event_type, event_key,
                occurred_at)
            select platform_id, 'loan', id, 'loan.TO_REPAY_FEES', id || ':fees-returned:' || :p, :at
            from reopened
            on conflict (event_key) do nothing
            """)
        .param("at", timestamp(at))
        .param("id", billId.get())
        .param("p", paymentId)
        .update();
    appendEvents(List.of(billId.get()), "PAYMENT_RETURNED", at);
    return true;
  }

  private void appendEvents(List<String> billIds, String status, Instant at) {
    jdbc.sql(
            """
            insert into domain_events (platform_id, entity_type, entity_id, event_type, event_key,
                occurred_at)
            select platform_id, 'bill', id, 'bill.' || :status, id || ':' || :status, :at
            from bills where id = any(:ids)
            on conflict (event_key) do nothing
            """)
        .param("status", status)
        .param("at", timestamp(at))
        .param("ids", new SqlArrayValue("text", billIds.toArray()))
        .update();
  }

  private static BillRow map(ResultSet rs, int n) throws SQLException {
    LocalDate period = rs.getObject("period", LocalDate.class);
    return new BillRow(
        rs.getString("id"),
        rs.getString("platform_id"),
        YearMonth.from(period),
        PayerType.valueOf(rs.getString("payer_type")),
        rs.getString("payer_id"),
        rs.getString("borrower_id"),
        BillStatus.valueOf(rs.getString("status")),
        rs.getLong("total_cents"),
        rs.getInt("lines_count"),
        rs.getObject("bill_date", LocalDate.class),
        rs.getObject("due_date", LocalDate.class),
        rs.getString("payment_id"),
        rs.getString("debit_status"),
        rs.getString("debit_failure_reason"),
        rs.getObject("debit_collection_date", LocalDate.class),
        rs.getString("payer_virtual_iban"),
        instant(rs, "paid_at"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}
