package dev.avance.activities.statement;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A borrower's loans as the books hold them: every posting on their principal, interest and penalty
 * accounts, so that a statement is the ledger itself, summed by day.
 */
@Repository
public class StatementRepository {
  private final JdbcClient jdbc;

  public StatementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The part of one entry that moved one account of one of the borrower's loans. */
  public record Posting(
      String loanId,
      long entryId,
      String entryKind,
      Instant occurredAt,
      String account,
      long cents) {}

  /** A loan of the borrower, as its statement names it. */
  public record StatementLoan(
      String id,
      String status,
      long amountCents,
      String invoiceNumber,
      java.time.LocalDate toPayAt,
      java.time.LocalDate toRepayAt,
      String reference) {}

  public List<StatementLoan> loans(String platformId, String borrowerId) {
    return jdbc.sql(
            """
            select id, status, amount_cents, invoice_number, to_pay_at, to_repay_at,
                   remittance_reference
            from loans where platform_id = :p and borrower_id = :b order by created_at, id
            """)
        .param("p", platformId)
        .param("b", borrowerId)
        .query(
            (rs, n) ->
                new StatementLoan(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getObject(5, java.time.LocalDate.class),
                    rs.getObject(6, java.time.LocalDate.class),
                    rs.getString(7)))
        .list();
  }

  /** Postings on the loans' PRINCIPAL, INTEREST and PENALTIES accounts until {@code before}. */
  public List<Posting> postings(String platformId, String borrowerId, Instant before) {
    return jdbc.sql(
            """
            select a.owner_id, e.id, e.kind, e.occurred_at, a.kind, sum(l.amount_cents)
            from loans o
            join ledger_accounts a on a.owner_type = 'LOAN' and a.owner_id = o.id
                and a.kind in ('PRINCIPAL', 'INTEREST', 'PENALTIES')
            join ledger_lines l on l.account = a.code
            join ledger_entries e on e.id = l.entry_id
            where o.platform_id = :p and o.borrower_id = :b and e.occurred_at < :before
            group by a.owner_id, e.id, e.kind, e.occurred_at, a.kind
            order by e.occurred_at, e.id, a.kind
            """)
        .param("p", platformId)
        .param("b", borrowerId)
        .param("before", java.sql.Timestamp.from(before))
        .query(
            (rs, n) ->
                new Posting(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5),
                    rs.getLong(6)))
        .list();
  }
}
