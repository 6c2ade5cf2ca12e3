package dev.avance.activities.ledger;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.workflows.rules.Interest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double-entry ledger (tables {@code ledger_*}). An entry is posted in the transaction of the
 * fact it records (a propagation of MANDATORY: without one, posting fails), so that the fact and
 * its entry commit together or not at all. Balances are sums of lines, never stored counters.
 */
@Component
public class Ledger {
  private final JdbcClient jdbc;
  private final Clock clock;

  public Ledger(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The same business key posted again with other lines: a fact recorded two ways. */
  public static class ConflictingEntry extends IllegalStateException {
    public ConflictingEntry(String message) {
      super(message);
    }
  }

  /** What {@link #post} did. */
  public enum Posted {
    POSTED,
    ALREADY_POSTED,
    NOTHING_TO_POST
  }

  /**
   * Posts the entry once. The same key with the same lines (summed per account) is a no-op; the
   * same key with other lines throws {@link ConflictingEntry}, which rolls the fact back: a money
   * fact that disagrees with the books must not commit quietly. An entry whose lines cancel out
   * posts nothing. Unbalanced lines are refused here, and by the database at commit.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Posted post(LedgerEntry entry) {
    Map<String, Long> lines = merged(entry.lines());
    if (lines.isEmpty()) {
      return Posted.NOTHING_TO_POST;
    }
    long total = lines.values().stream().mapToLong(Long::longValue).sum();
    if (total != 0) {
      throw new IllegalArgumentException(
          "entry " + entry.key() + " is unbalanced by " + total + " cents: " + lines);
    }
    Instant now = clock.instant();
    for (String account : lines.keySet()) {
      ensureAccount(account, now);
    }
    Optional<Long> id =
        jdbc.sql(
                """
                insert into ledger_entries (entry_key, kind, loan_id, platform_id, occurred_at,
                    created_at)
                values (:key, :kind, :loan, :platform, :occurred, :now)
                on conflict (entry_key) do nothing
                returning id
                """)
            .param("key", entry.key())
            .param("kind", entry.kind().name())
            .param("loan", entry.loanId())
            .param("platform", entry.platformId())
            .param("occurred", timestamp(entry.occurredAt() == null ? now : entry.occurredAt()))
            .param("now", timestamp(now))
            .query(Long.class)
            .optional();
    if (id.isEmpty()) {
      Map<String, Long> recorded = merged(linesOf(entry.key()));
      if (!recorded.equals(lines)) {
        throw new ConflictingEntry(
            "ledger entry "
                + entry.key()
                + " was posted with "
                + recorded
                + ", now asked with "
                + lines);
      }
      return Posted.ALREADY_POSTED;
    }
    for (Map.Entry<String, Long> line : lines.entrySet()) {
      jdbc.sql("insert into ledger_lines (entry_id, account, amount_cents) values (:e, :a, :c)")
          .param("e", id.get())
          .param("a", line.getKey())
          .param("c", line.getValue())
          .update();
    }
    return Posted.POSTED;
  }

  /** Creates the account the first time a line names it. */
  void ensureAccount(String code, Instant at) {
    jdbc.sql(
            """
            insert into ledger_accounts (code, owner_type, owner_id, kind, created_at)
            values (:code, :type, :owner, :kind, :at)
            on conflict (code) do nothing
            """)
        .param("code", code)
        .param("type", Accounts.ownerType(code))
        .param("owner", Accounts.ownerId(code))
        .param("kind", Accounts.kind(code).name())
        .param("at", timestamp(at))
        .update();
  }

  public boolean exists(String key) {
    return jdbc.sql("select exists (select 1 from ledger_entries where entry_key = :k)")
        .param("k", key)
        .query(Boolean.class)
        .single();
  }

  /** The lines of the entry with this key (empty if there is none). */
  public List<LedgerLine> linesOf(String key) {
    return jdbc.sql(
            """
            select l.account, l.amount_cents from ledger_lines l
            join ledger_entries e on e.id = l.entry_id
            where e.entry_key = :k order by l.id
            """)
        .param("k", key)
        .query((rs, n) -> new LedgerLine(rs.getString(1), rs.getLong(2)))
        .list();
  }

  /** The account's balance: its debits minus its credits. */
  public long balance(String account) {
    return jdbc.sql("select coalesce(sum(amount_cents), 0) from ledger_lines where account = :a")
        .param("a", account)
        .query(Long.class)
        .single();
  }

  /** A loan's balances by account kind (principal, interest...), 0 for an account never moved. */
  public Map<AccountKind, Long> loanBalances(String loanId) {
    Map<AccountKind, Long> balances = new TreeMap<>();
    for (AccountKind kind : List.of(AccountKind.PRINCIPAL, AccountKind.INTEREST)) {
      balances.put(kind, 0L);
    }
    jdbc.sql(
            """
            select a.kind, coalesce(sum(l.amount_cents), 0) from ledger_accounts a
            join ledger_lines l on l.account = a.code
            where a.owner_type = 'LOAN' and a.owner_id = :loan group by a.kind
            """)
        .param("loan", loanId)
        .query((rs, n) -> Map.entry(AccountKind.valueOf(rs.getString(1)), rs.getLong(2)))
        .list()
        .forEach(e -> balances.put(e.getKey(), e.getValue()));
    return balances;
  }

  /** The sum of the principal accounts of a borrower's loans. */
  public long borrowerPrincipal(String borrowerId) {
    return jdbc.sql(
            """
            select coalesce(sum(l.amount_cents), 0) from credit_reservations r
            join ledger_lines l on l.account = 'loan:' || r.loan_id || ':PRINCIPAL'
            where r.borrower_id = :b
            """)
        .param("b", borrowerId)
        .query(Long.class)
        .single();
  }

  /** A journal entry as stored, with its lines. */
  public record StoredEntry(
      long id,
      String key,
      EntryKind kind,
      String loanId,
      Instant occurredAt,
      Instant createdAt,
      List<LedgerLine> lines) {}

  /**
   * The loan's entries, oldest first, after the entry id {@code afterId} (a keyset cursor), at most
   * {@code limit}; of the loan's platform only.
   */
  public List<StoredEntry> entriesOfLoan(
      String platformId, String loanId, long afterId, int limit, boolean descending) {
    List<StoredEntry> entries =
        jdbc.sql(
                "select id, entry_key, kind, loan_id, occurred_at, created_at from ledger_entries"
                    + " where loan_id = :loan and platform_id = :platform and "
                    + (descending ? "id < :after order by id desc" : "id > :after order by id")
                    + " limit :limit")
            .param("loan", loanId)
            .param("platform", platformId)
            .param("after", descending && afterId == 0 ? Long.MAX_VALUE : afterId)
            .param("limit", limit)
            .query(
                (rs, n) ->
                    new StoredEntry(
                        rs.getLong("id"),
                        rs.getString("entry_key"),
                        EntryKind.valueOf(rs.getString("kind")),
                        rs.getString("loan_id"),
                        instant(rs, "occurred_at"),
                        instant(rs, "created_at"),
                        new ArrayList<>()))
            .list();
    if (entries.isEmpty()) {
      return entries;
    }
    Map<Long, StoredEntry> byId = new TreeMap<>();
    entries.forEach(e -> byId.put(e.id(), e));
    jdbc.sql(
            "select entry_id, account, amount_cents from ledger_lines where entry_id in (:ids)"
                + " order by id")
        .param("ids", List.copyOf(byId.keySet()))
        .query(
            (rs, n) -> {
              byId.get(rs.getLong(1)).lines().add(new LedgerLine(rs.getString(2), rs.getLong(3)));
              return 1;
            })
        .list();
    return entries;
  }

  /**
   * What the API shows of a loan, from its accounts: the principal outstanding, the interest billed
   * and not paid, and the interest accrued so far.
   */
  public record LoanBooks(long principalCents, long interestDueCents, long feesOngoingCents) {}

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /**
   * The loan's books on {@code today} (Europe/Paris). The interest accrued is billing's: the
   * principal account's timeline (the payout from its Paris day, each later change from its Paris
   * day but never on the payout day, which is charged on the whole amount), 0.05 % a day exact over
   * [payout day, max(today, payout day + 1)), rounded once; so it equals, on a run day, the sum of
   * the loan's bills through that day.
   */
  public LoanBooks loanBooks(String loanId, LocalDate today) {
    return loanBooks(List.of(loanId), today).get(loanId);
  }

  /**
   * {@link #loanBooks(String, LocalDate)} of many loans in two queries (a page of {@code GET
   * /loans}), so that a list and a read agree to the cent; a loan with no entries has books of
   * zeros.
   */
  public Map<String, LoanBooks> loanBooks(List<String> loanIds, LocalDate today) {
    record Move(String loanId, EntryKind kind, LocalDate day, long cents) {}
    Map<String, LoanBooks> books = new HashMap<>();
    if (loanIds.isEmpty()) {
      return books;
    }
    Map<String, String> loanOfPrincipal = new HashMap<>();
    Map<String, String> loanOfInterest = new HashMap<>();
    for (String id : loanIds) {
      loanOfPrincipal.put(Accounts.loan(id, AccountKind.PRINCIPAL), id);
      loanOfInterest.put(Accounts.loan(id, AccountKind.INTEREST), id);
    }
    Map<String, List<Move>> movesByLoan = new HashMap<>();
    jdbc.sql(
            """
            select l.account, e.kind, e.occurred_at, l.amount_cents from ledger_lines l
            join ledger_entries e on e.id = l.entry_id
            where l.account in (:a) order by e.occurred_at, e.id
            """)
        .param("a", List.copyOf(loanOfPrincipal.keySet()))
        .query(
            (rs, n) ->
                new Move(
                    loanOfPrincipal.get(rs.getString(1)),
                    EntryKind.valueOf(rs.getString(2)),
                    LocalDate.ofInstant(instant(rs, "occurred_at"), PARIS),
                    rs.getLong(4)))
        .list()
        .forEach(m -> movesByLoan.computeIfAbsent(m.loanId(), k -> new ArrayList<>()).add(m));
    Map<String, Long> interestByLoan = new HashMap<>();
    jdbc.sql(
            "select account, coalesce(sum(amount_cents), 0) from ledger_lines"
                + " where account in (:a) group by account")
        .param("a", List.copyOf(loanOfInterest.keySet()))
        .query((rs, n) -> Map.entry(loanOfInterest.get(rs.getString(1)), rs.getLong(2)))
        .list()
        .forEach(e -> interestByLoan.put(e.getKey(), e.getValue()));
    for (String id : loanIds) {
      List<Move> moves = movesByLoan.getOrDefault(id, List.of());
      long principal = moves.stream().mapToLong(Move::cents).sum();
      long interestDue = interestByLoan.getOrDefault(id, 0L);
      LocalDate payoutDay =
          moves.stream()
              .filter(m -> m.kind() == EntryKind.PAYOUT_BOOKED)
              .map(Move::day)
              .findFirst()
              .orElse(null);
      if (payoutDay == null) {
        books.put(id, new LoanBooks(principal, interestDue, 0));
        continue;
      }
      TreeMap<LocalDate, Long> deltas = new TreeMap<>();
      for (Move m : moves) {
        LocalDate day =
            m.kind() == EntryKind.PAYOUT_BOOKED
                ? payoutDay
                : (m.day().isAfter(payoutDay) ? m.day() : payoutDay.plusDays(1));
        deltas.merge(day, m.cents(), Long::sum);
      }
      List<Interest.PrincipalChange> timeline = new ArrayList<>();
      long running = 0;
      for (Map.Entry<LocalDate, Long> d : deltas.entrySet()) {
        running += d.getValue();
        timeline.add(new Interest.PrincipalChange(d.getKey(), Math.max(0, running)));
      }
      LocalDate through = today.isAfter(payoutDay) ? today : payoutDay.plusDays(1);
      long fees = Interest.roundToCents(Interest.accrued(timeline, payoutDay, through));
      books.put(id, new LoanBooks(principal, interestDue, fees));
    }
    return books;
  }

  private static Map<String, Long> merged(List<LedgerLine> lines) {
    Map<String, Long> merged = new TreeMap<>();
    for (LedgerLine line : lines) {
      merged.merge(line.account(), line.amountCents(), Long::sum);
    }
    merged.values().removeIf(v -> v == 0);
    return merged;
  }
}
