package dev.avance.activities.ledger;

import static dev.avance.activities.common.SqlTimes.timestamp;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every invariant of the books, as a count of breaks with a few examples each (ids and cents only,
 * never personal data). GET /ops/ledger/check answers it; the tests run it after every step.
 */
@Component
public class LedgerCheck {
  private static final int EXAMPLES = 5;

  /**
   * Movements of the bank that Avance applied or holds for operators (not duplicates, not reports).
   */
  private static final String MOVEMENTS =
      "'APPLIED', 'CREDIT_RECEIVED', 'FOR_OPERATORS', 'CONFLICT'";

  private final JdbcClient jdbc;
  private final Clock clock;

  public LedgerCheck(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record Check(CheckName name, int breaks, List<String> examples) {}

  public record Report(int breaks, List<Check> checks) {}

  /**
   * Runs every check in one snapshot (repeatable read), so that a fact committing meanwhile is seen
   * by all checks or by none. A loan whose books moved less than {@code grace} ago and whose
   * workflow has not recorded it yet is not compared with its read model: it records when it next
   * waits, seconds later.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Report run(Duration grace) {
    List<Check> checks = new ArrayList<>();
    checks.add(
        check(
            CheckName.JOURNAL_BALANCED,
            """
            select e.entry_key || ' off by ' || coalesce(sum(l.amount_cents), 0) || ' cents'
            from ledger_entries e left join ledger_lines l on l.entry_id = e.id
            group by e.id, e.entry_key having coalesce(sum(l.amount_cents), 0) <> 0
                or count(l.id) < 2
            union all
            select 'line ' || l.id || ' names no entry or no account' from ledger_lines l
            where not exists (select 1 from ledger_entries e where e.id = l.entry_id)
               or not exists (select 1 from ledger_accounts a where a.code = l.account)
            """,
            null));
    checks.add(
        check(
            CheckName.BANK_CASH_EQUALS_BANK_MOVEMENTS,
            """
            with bank as (
                select m.channel, sum(case when e.credit then e.amount_cents
                                           else -e.amount_cents end) as cents
                from bank_entries e join bank_messages m on m.id = e.message_id
                where e.kind = 'BOOKING' and e.amount_cents is not null
                  and e.outcome in (%s)
                group by m.channel
            ),
            books as (
                select a.owner_id as channel, sum(l.amount_cents) as cents
                from ledger_accounts a join ledger_lines l on l.account = a.code
                where a.owner_type = 'AVANCE' and a.kind = 'BANK_CASH'
                group by a.owner_id
            )
            select coalesce(b.channel, k.channel) || ': bank ' || coalesce(b.cents, 0)
                   || ', books ' || coalesce(k.cents, 0)
            from bank b full join books k on k.channel = b.channel
            where coalesce(b.cents, 0) <> coalesce(k.cents, 0)
            """
                .formatted(MOVEMENTS),
            null));
    checks.add(
        check(
            CheckName.RESERVATION_EQUALS_PRINCIPAL,
            """
            select r.loan_id || ': reservation ' || r.outstanding_cents || ', principal '
                   || coalesce(p.cents, 0)
            from credit_reservations r
            left join lateral (select sum(amount_cents) as cents from ledger_lines
                               where account = 'loan:' || r.loan_id || ':PRINCIPAL') p on true
            where (r.status in ('CONFIRMED', 'REPAID')
                   or exists (select 1 from ledger_entries
                              where entry_key = r.loan_id || ':payout:booked'))
              and r.outstanding_cents <> coalesce(p.cents, 0)
              and not exists (select 1 from loan_write_offs w where w.loan_id = r.loan_id)
            order by r.loan_id
            """,
            null));
    checks.add(
        check(
            CheckName.LOAN_OUTSTANDING_EQUALS_PRINCIPAL,
            """
            select l.id || ' (' || l.status || '): shown ' || l.outstanding_principal_cents
                   || ', principal ' || coalesce(p.cents, 0)
            from loans l
            left join lateral (
                select sum(x.amount_cents) as cents, max(e.created_at) as moved_at
                from ledger_lines x join ledger_entries e on e.id = x.entry_id
                where x.account = 'loan:' || l.id || ':PRINCIPAL') p on true
            where l.status in ('TO_REPAY', 'TO_REPAY_FEES', 'CLOSED')
              and l.outstanding_principal_cents <> coalesce(p.cents, 0)
              and (p.moved_at is null or p.moved_at <= l.updated_at or p.moved_at <= :settled)
              and not exists (select 1 from loan_write_offs w where w.loan_id = l.id)
            order by l.id
            """,
            grace));
    checks.add(
        check(
            CheckName.CREDIT_LINE_USED_EQUALS_OUTSTANDING_PLUS_PENDING,
            """
            select c.borrower_id || ': used ' || s.used || ', principal ' || s.principal
                   || ' + pending ' || s.pending
            from credit_lines c
            join lateral (
                select coalesce(sum(case r.status when 'PENDING' then r.amount_cents
                                         when 'CONFIRMED' then r.outstanding_cents
                                         else 0 end), 0) as used,
                       coalesce(sum(p.cents), 0) as principal,
                       coalesce(sum(r.amount_cents) filter (
                           where r.status = 'PENDING' and not exists (
                               select 1 from ledger_entries
                               where entry_key = r.loan_id || ':payout:booked')), 0) as pending
                from credit_reservations r
                left join lateral (select sum(amount_cents) as cents from ledger_lines
                                   where account = 'loan:' || r.loan_id || ':PRINCIPAL') p on true
                where r.borrower_id = c.borrower_id
                  and not exists (select 1 from loan_write_offs w where w.loan_id = r.loan_id)) s on true
            where s.used <> s.principal + s.pending
            order by c.borrower_id
            """,
            null));
    checks.add(
        check(
            CheckName.NO_NEGATIVE_LOAN_BALANCE,
            """
            select a.code || ' = ' || sum(l.amount_cents)
            from ledger_accounts a join ledger_lines l on l.account = a.code
            where a.owner_type = 'LOAN' group by a.code having sum(l.amount_cents) < 0
            order by a.code
            """,
            null));
    checks.add(
        check(
            CheckName.WRITTEN_OFF_LOAN_CLEARED,
            """
            select w.loan_id || ': principal ' || coalesce(p.cents, 0) || ', written off '
                   || (w.principal_cents + w.interest_cents + w.penalties_cents)
                   || ', entry ' || coalesce(x.cents, 0)
            from loan_write_offs w
            left join lateral (select sum(amount_cents) as cents from ledger_lines
                               where account = 'loan:' || w.loan_id || ':PRINCIPAL') p on true
            left join lateral (
                select sum(l.amount_cents) filter (where l.amount_cents > 0) as cents
                from ledger_lines l join ledger_entries e on e.id = l.entry_id
                where e.entry_key = w.loan_id || ':write-off') x on true
            where coalesce(p.cents, 0) <> 0
               or coalesce(x.cents, 0) <> w.principal_cents + w.interest_cents + w.penalties_cents
            order by w.loan_id
            """,
            null));
    int breaks = checks.stream().mapToInt(Check::breaks).sum();
    return new Report(breaks, checks);
  }

  private Check check(CheckName name, String sql, Duration grace) {
    var statement = jdbc.sql(sql);
    if (grace != null) {
      statement = statement.param("settled", timestamp(clock.instant().minus(grace)));
    }
    List<String> found = statement.query(String.class).list();
    return new Check(
        name, found.size(), List.copyOf(found.subList(0, Math.min(EXAMPLES, found.size()))));
  }
}
