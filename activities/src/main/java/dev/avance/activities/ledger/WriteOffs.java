package dev.avance.activities.ledger;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;
import static dev.avance.activities.ledger.LedgerLine.credit;
import static dev.avance.activities.ledger.LedgerLine.debit;

import dev.avance.activities.events.DomainEventRepository;
import dev.avance.workflows.loan.LoanEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' write-offs of loans (table {@code loan_write_offs}). A write-off moves what the loan
 * still owes (principal, interest and penalties receivable) to Avance's write-off expense in one
 * entry keyed {@code <loan>:write-off}, with its record, its event and nothing else: the loan's
 * workflow is not told, so that money reaching the loan later is still applied by it, and the books
 * book that money as a recovery ({@link LedgerFacts#repaymentApplied}).
 */
@Component
public class WriteOffs {
  private final JdbcClient jdbc;
  private final Ledger ledger;
  private final LedgerFacts facts;
  private final DomainEventRepository events;
  private final Clock clock;

  public WriteOffs(
      JdbcClient jdbc,
      Ledger ledger,
      LedgerFacts facts,
      DomainEventRepository events,
      Clock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.facts = facts;
    this.events = events;
    this.clock = clock;
  }

  /** A write-off as recorded. */
  public record WriteOff(
      String loanId,
      Instant writtenOffAt,
      String actor,
      WriteOffReason reason,
      String note,
      long principalCents,
      long interestCents,
      long penaltiesCents) {}

  /** What {@link #writeOff} did: {@code created} is false when the loan was written off before. */
  public record Outcome(WriteOff writeOff, boolean created) {}

  /** The loan cannot be written off: why, as a type the API maps to a code. */
  public enum Refusal {
    NOT_FOUND,
    NOT_PAID_OUT,
    NOTHING_OWED
  }

  public static class WriteOffRefused extends RuntimeException {
    private final Refusal refusal;

    public WriteOffRefused(Refusal refusal, String loanId) {
      super("loan " + loanId + " cannot be written off: " + refusal);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /**
   * Writes the loan off once, of the platform {@code platformId} when not null. The loan's row is
   * locked first, so that two operators asking at once record one write-off; asked again, the first
   * write-off is answered and nothing is posted.
   */
  @Transactional
  public Outcome writeOff(
      String loanId, String platformId, String actor, WriteOffReason reason, String note) {
    Optional<String> loanPlatform =
        jdbc.sql(
                """
                select platform_id from loans
                where id = :l and (cast(:p as text) is null or platform_id = :p) for update
                """)
            .param("l", loanId)
            .param("p", platformId)
            .query(String.class)
            .optional();
    if (loanPlatform.isEmpty()) {
      throw new WriteOffRefused(Refusal.NOT_FOUND, loanId);
    }
    Optional<WriteOff> existing = find(loanId);
    if (existing.isPresent()) {
      return new Outcome(existing.get(), false);
    }
    if (!ledger.exists(loanId + ":payout:booked")) {
      throw new WriteOffRefused(Refusal.NOT_PAID_OUT, loanId);
    }
    long principal = ledger.balance(Accounts.loan(loanId, AccountKind.PRINCIPAL));
    long interest = Math.max(0, ledger.balance(Accounts.loan(loanId, AccountKind.INTEREST)));
    long penalties = Math.max(0, ledger.balance(Accounts.loan(loanId, AccountKind.PENALTIES)));
    if (principal <= 0) {
      // A repaid loan's unpaid interest is billing's to collect, not a loss.
      throw new WriteOffRefused(Refusal.NOTHING_OWED, loanId);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    WriteOff writeOff =
        new WriteOff(loanId, now, actor, reason, note, principal, interest, penalties);
    jdbc.sql(
            """
            insert into loan_write_offs (loan_id, written_off_at, actor, reason, note,
                principal_cents, interest_cents, penalties_cents)
            values (:l, :at, :actor, :reason, :note, :p, :i, :pen)
            """)
        .param("l", loanId)
        .param("at", timestamp(now))
        .param("actor", actor)
        .param("reason", reason.name())
        .param("note", note)
        .param("p", principal)
        .param("i", interest)
        .param("pen", penalties)
        .update();
    List<LedgerLine> lines = new ArrayList<>();
    lines.add(credit(Accounts.loan(loanId, AccountKind.PRINCIPAL), principal));
    lines.add(credit(Accounts.loan(loanId, AccountKind.INTEREST), interest));
    lines.add(credit(Accounts.loan(loanId, AccountKind.PENALTIES), penalties));
    lines.add(
        debit(
            Accounts.avance(facts.channelOf(loanPlatform.get()), AccountKind.WRITE_OFF),
            principal + interest + penalties));
    ledger.post(
        new LedgerEntry(
            loanId + ":write-off", EntryKind.WRITE_OFF, loanId, loanPlatform.get(), now, lines));
    events.append(
        loanPlatform.get(),
        "loan",
        loanId,
        LoanEvent.WRITTEN_OFF.code(),
        loanId + ":written_off",
        now);
    return new Outcome(writeOff, true);
  }

  public Optional<String> platformOf(String loanId) {
    return jdbc.sql("select platform_id from loans where id = :l")
        .param("l", loanId)
        .query(String.class)
        .optional();
  }

  /** The write-offs of these loans, by loan id, in one query (a page of loans). */
  public Map<String, WriteOff> findAll(List<String> loanIds) {
    Map<String, WriteOff> found = new HashMap<>();
    if (loanIds.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            select loan_id, written_off_at, actor, reason, note, principal_cents, interest_cents,
                penalties_cents
            from loan_write_offs where loan_id in (:l)
            """)
        .param("l", loanIds)
        .query(
            (rs, n) ->
                new WriteOff(
                    rs.getString("loan_id"),
                    instant(rs, "written_off_at"),
                    rs.getString("actor"),
                    WriteOffReason.valueOf(rs.getString("reason")),
                    rs.getString("note"),
                    rs.getLong("principal_cents"),
                    rs.getLong("interest_cents"),
                    rs.getLong("penalties_cents")))
        .list()
        .forEach(w -> found.put(w.loanId(), w));
    return found;
  }

  public Optional<WriteOff> find(String loanId) {
    return Optional.ofNullable(findAll(List.of(loanId)).get(loanId));
  }
}
