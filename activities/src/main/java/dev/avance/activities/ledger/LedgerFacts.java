package dev.avance.activities.ledger;

import static dev.avance.activities.common.SqlTimes.timestamp;
import static dev.avance.activities.ledger.LedgerLine.credit;
import static dev.avance.activities.ledger.LedgerLine.debit;

import dev.avance.bank.Channel;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each money fact is booked: which accounts, which key. One method per fact, each called by the
 * code that records the fact, in its transaction.
 *
 * <p>Money moves through the books like this: a payout booked by the bank moves cash to the loan's
 * principal; money received (a credit on a virtual IBAN, a collected direct debit) is first held
 * for its owner (UNASSIGNED for a credit, OVERPAYMENTS for a debit's collection), and a loan
 * applying it moves it to the principal; what is never applied stays there, for operators to
 * refund. A bill moves its lines' interest to the loans' interest receivable against interest
 * income; paying it clears them.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class LedgerFacts {
  private final Ledger ledger;
  private final JdbcClient jdbc;
  private final Clock clock;

  public LedgerFacts(Ledger ledger, JdbcClient jdbc, Clock clock) {
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What the fact payment is: the few fields of a payment the books need. */
  public record Payment(
      String paymentId, String loanId, String platformId, String borrowerId, Channel channel) {}

  // Bank bookings ------------------------------------------------------------------------------

  /** The bank paid a loan out: cash to principal. */
  public void payoutBooked(Payment p, long cents, Instant at) {
    Channel ch = channel(p);
    ledger.post(
        new LedgerEntry(
            p.paymentId() + ":booked",
            EntryKind.PAYOUT_BOOKED,
            p.loanId(),
            p.platformId(),
            at,
            List.of(
                debit(Accounts.loan(p.loanId(), AccountKind.PRINCIPAL), cents),
                credit(Accounts.avance(ch, AccountKind.BANK_CASH), cents))));
  }

  /** The bank paid a refund of a credit out: from the money the credit left unassigned. */
  public void refundBooked(Payment p, long cents, Instant at) {
    String reference = p.paymentId().substring(p.paymentId().indexOf(':') + 1);
    Channel ch = channel(p);
    ledger.post(
        new LedgerEntry(
            p.paymentId() + ":booked",
            EntryKind.REFUND_PAID,
            null,
            p.platformId(),
            at,
            List.of(
                debit(creditOwner(reference, ch), cents),
                credit(Accounts.avance(ch, AccountKind.BANK_CASH), cents))));
  }

  /**
   * The bank collected a direct debit: a bill's pays the bill, a loan's is held for the borrower
   * until the loan applies it.
   */
  public void debitCollected(Payment p, long cents, Instant at) {
    Channel ch = channel(p);
    Optional<String> bill = billOfDebit(p.paymentId());
    if (bill.isPresent()) {
      billPaid(bill.get(), p.paymentId(), Accounts.avance(ch, AccountKind.BANK_CASH), cents, at);
      return;
    }
    ledger.post(
        new LedgerEntry(
            p.paymentId() + ":booked",
            EntryKind.DEBIT_COLLECTED,
            p.loanId(),
            p.platformId(),
            at,
            List.of(
                debit(Accounts.avance(ch, AccountKind.BANK_CASH), cents),
                credit(Accounts.borrower(p.borrowerId(), AccountKind.OVERPAYMENTS), cents))));
  }

  /**
   * The bank took a collected debit back. A bill's payment is undone; a loan's money leaves the
   * borrower's account (the loan's reinstatement then moves the principal back, {@link
   * #repaymentReinstated}).
   */
  public void debitReturned(Payment p, long cents, Instant at) {
    Channel ch = channel(p);
    Optional<String> bill = billOfDebit(p.paymentId());
    String key = p.paymentId() + ":returned";
    if (bill.isPresent()) {
      List<LedgerLine> lines = new ArrayList<>();
      for (LedgerLine line : ledger.linesOf(billPaidKey(bill.get(), p.paymentId()))) {
        lines.add(new LedgerLine(line.account(), -line.amountCents()));
      }
      if (lines.isEmpty()) {
        lines.add(debit(Accounts.avance(ch, AccountKind.SUSPENSE), cents));
        lines.add(credit(Accounts.avance(ch, AccountKind.BANK_CASH), cents));
      }
      ledger.post(
          new LedgerEntry(key, EntryKind.BILL_PAYMENT_RETURNED, null, p.platformId(), at, lines));
      return;
    }
    ledger.post(
        new LedgerEntry(
            key,
            EntryKind.DEBIT_RETURNED,
            p.loanId(),
            p.platformId(),
            at,
            List.of(
                debit(Accounts.borrower(p.borrowerId(), AccountKind.OVERPAYMENTS), cents),
                credit(Accounts.avance(ch, AccountKind.BANK_CASH), cents))));
  }

  /** Money received from outside on one of Avance's accounts: held for its owner. */
  public void creditReceived(Channel ch, String reference, Instant at, long cents) {
    ledger.post(
        new LedgerEntry(
            "credit:" + reference + ":received",
            EntryKind.CREDIT_RECEIVED,
            null,
            null,
            at,
            List.of(
                debit(Accounts.avance(ch, AccountKind.BANK_CASH), cents),
                credit(creditOwner(reference, ch), cents))));
  }

  /**
   * A booking Avance cannot attribute (a conflict with what the bank said before, a payment it does
   * not know): the cash follows the bank, the other side waits for operators.
   */
  public void unattributedBooking(
      Channel ch, String entryKey, boolean moneyIn, long cents, Instant at) {
    String cash = Accounts.avance(ch, AccountKind.BANK_CASH);
    String suspense = Accounts.avance(ch, AccountKind.SUSPENSE);
    ledger.post(
        new LedgerEntry(
            "bank:" + entryKey,
            EntryKind.UNATTRIBUTED_BOOKING,
            null,
            null,
            at,
            moneyIn
                ? List.of(debit(cash, cents), credit(suspense, cents))
                : List.of(debit(suspense, cents), credit(cash, cents))));
  }

  // Loans applying money -----------------------------------------------------------------------

  /**
   * A loan applied {@code cents} of the money named by {@code repaymentKey} to its principal: a
   * direct debit's collection (held for the borrower), or a credit (held for its owner).
   */
  public void repaymentApplied(
      String loanId, String platformId, String borrowerId, String key, long cents, Instant at) {
    if (writtenOff(loanId)) {
      // The principal left the loan's account at the write-off: what comes after is income.
      Channel ch = channelOf(platformId);
      ledger.post(
          new LedgerEntry(
              recoveryKey(loanId, key),
              EntryKind.RECOVERY,
              loanId,
              platformId,
              at,
              List.of(
                  debit(sourceOf(key, borrowerId, ch), cents),
                  credit(Accounts.avance(ch, AccountKind.RECOVERY_INCOME), cents))));
      return;
    }
    ledger.post(
        new LedgerEntry(
            appliedKey(loanId, key),
            EntryKind.REPAYMENT_APPLIED,
            loanId,
            platformId,
            at,
            List.of(
                debit(sourceOf(key, borrowerId, channelOf(platformId)), cents),
                credit(Accounts.loan(loanId, AccountKind.PRINCIPAL), cents))));
  }

  /** The money of a repayment came back: the application is reversed, line for line. */
  public void repaymentReinstated(
      String loanId, String platformId, String borrowerId, String key, long cents, Instant at) {
    List<LedgerLine> lines = new ArrayList<>();
    List<LedgerLine> applied = ledger.linesOf(appliedKey(loanId, key));
    if (applied.isEmpty()) {
      applied = ledger.linesOf(recoveryKey(loanId, key));
    }
    for (LedgerLine line : applied) {
      lines.add(new LedgerLine(line.account(), -line.amountCents()));
    }
    if (lines.isEmpty()) {
      // Applied before the books existed: its source is the borrower's, as a debit's is.
      lines.add(debit(Accounts.loan(loanId, AccountKind.PRINCIPAL), cents));
      lines.add(credit(Accounts.borrower(borrowerId, AccountKind.OVERPAYMENTS), cents));
    }
    ledger.post(
        new LedgerEntry(
            loanId + ":" + key + ":reinstated",
            EntryKind.REPAYMENT_REINSTATED,
            loanId,
            platformId,
            at,
            lines));
  }

  private static String appliedKey(String loanId, String key) {
    return loanId + ":" + key + ":applied";
  }

  private static String recoveryKey(String loanId, String key) {
    return loanId + ":" + key + ":recovery";
  }

  /** Whether an operator wrote the loan off (its receivables then moved to the expense). */
  boolean writtenOff(String loanId) {
    return jdbc.sql("select exists (select 1 from loan_write_offs where loan_id = :l)")
        .param("l", loanId)
        .query(Boolean.class)
        .single();
  }

  /** Where the money a repayment key names was held: a debit's, a credit's, or else clearing. */
  private String sourceOf(String key, String borrowerId, Channel ch) {
    boolean debit =
        jdbc.sql(
                "select exists (select 1 from payments where payment_id = :k"
                    + " and type = 'DIRECT_DEBIT')")
            .param("k", key)
            .query(Boolean.class)
            .single();
    if (debit) {
      return Accounts.borrower(borrowerId, AccountKind.OVERPAYMENTS);
    }
    boolean credit =
        jdbc.sql("select exists (select 1 from bank_incoming_credits where bank_reference = :k)")
            .param("k", key)
            .query(Boolean.class)
            .single();
    return credit ? creditOwner(key, ch) : Accounts.avance(ch, AccountKind.CLEARING);
  }

  // Bills --------------------------------------------------------------------------------------

  /**
   * Every line of the period billed and not yet in the books: the loan's interest receivable
   * against interest income, and its penalty (if any) to the loan's penalties receivable against
   * penalty income, in an entry of its own. One entry per line and amount (a line is never changed
   * once written; a bill may gain lines), posted in bulk with the lines' own statement's
   * transaction.
   */
  public int billLinesIssued(YearMonth period) {
    return billed(period, "billed_cents", AccountKind.INTEREST, AccountKind.INTEREST_INCOME)
        + billed(period, "penalty_cents", AccountKind.PENALTIES, AccountKind.PENALTY_INCOME);
  }

  /**
   * Posts one amount column of the period's lines: {@code billed_cents} (interest, key {@code
   * interest:<loan>:<YYYY-MM>}) or {@code penalty_cents} (key {@code penalty:<loan>:<YYYY-MM>}),
   * from the loan's {@code receivable} against Avance's {@code income}. The column and kinds are
   * this class's constants, never input.
   */
  private int billed(YearMonth period, String column, AccountKind receivable, AccountKind income) {
    Instant now = clock.instant();
    Date day = Date.valueOf(period.atDay(1));
    String suffix = ":" + period;
    String prefix = receivable == AccountKind.INTEREST ? "interest:" : "penalty:";
    EntryKind kind =
        receivable == AccountKind.INTEREST ? EntryKind.BILL_INTEREST : EntryKind.BILL_PENALTY;
    jdbc.sql(
            """
            insert into ledger_accounts (code, owner_type, owner_id, kind, created_at)
            select distinct 'loan:' || bl.loan_id || ':' || :receivable, 'LOAN', bl.loan_id,
                cast(:receivable as text), cast(:now as timestamptz)
            from bill_lines bl where bl.period = :period and bl.%1$s > 0
            union
            select distinct 'avance:' || p.environment || ':' || :income, 'AVANCE',
                p.environment, cast(:income as text), cast(:now as timestamptz)
            from bill_lines bl join bills b on b.id = bl.bill_id
            join platforms p on p.id = b.platform_id
            where bl.period = :period and bl.%1$s > 0
            on conflict (code) do nothing
            """
                .formatted(column))
        .param("receivable", receivable.name())
        .param("income", income.name())
        .param("now", timestamp(now))
        .param("period", day)
        .update();
    return jdbc.sql(
            """
            with posted as (
                insert into ledger_entries (entry_key, kind, loan_id, platform_id, occurred_at,
                    created_at)
                select :prefix || bl.loan_id || :suffix, :kind, bl.loan_id,
                    l.platform_id, :now, :now
                from bill_lines bl join loans l on l.id = bl.loan_id
                where bl.period = :period and bl.%1$s > 0
                on conflict (entry_key) do nothing
                returning id, loan_id, platform_id
            ),
            amounts as (
                select e.id, e.loan_id, bl.%1$s as cents, p.environment
                from posted e
                join bill_lines bl on bl.loan_id = e.loan_id and bl.period = :period
                join bills b on b.id = bl.bill_id
                join platforms p on p.id = b.platform_id
            )
            insert into ledger_lines (entry_id, account, amount_cents)
            select id, 'loan:' || loan_id || ':' || :receivable, cents from amounts
            union all
            select id, 'avance:' || environment || ':' || :income, -cents from amounts
            """
                .formatted(column))
        .param("prefix", prefix)
        .param("kind", kind.name())
        .param("receivable", receivable.name())
        .param("income", income.name())
        .param("suffix", suffix)
        .param("now", timestamp(now))
        .param("period", day)
        .update();
  }

  /**
   * A bill paid from {@code source} (the bank's cash for a debit, a credit's owner for a transfer,
   * clearing for an operator's record): its loans' interest receivable cleared. Keyed by what paid
   * it, since a bill whose debit came back is paid again another way.
   */
  public void billPaid(String billId, String paidBy, String source, long cents, Instant at) {
    List<LedgerLine> lines = new ArrayList<>();
    long total = 0;
    Channel billChannel = channelOf(platformOfBill(billId));
    for (Object[] line :
        jdbc.sql(
                """
                select bl.loan_id, bl.billed_cents, w.loan_id is not null, 'INTEREST'
                from bill_lines bl
                left join ledger_entries i
                    on i.entry_key = 'interest:' || bl.loan_id || ':' || to_char(bl.period, 'YYYY-MM')
                left join ledger_entries w on w.entry_key = bl.loan_id || ':write-off'
                    and i.id is not null and i.id < w.id
                where bl.bill_id = :b and bl.billed_cents > 0
                union all
                select bl.loan_id, bl.penalty_cents, w.loan_id is not null, 'PENALTIES'
                from bill_lines bl
                left join ledger_entries i
                    on i.entry_key = 'penalty:' || bl.loan_id || ':' || to_char(bl.period, 'YYYY-MM')
                left join ledger_entries w on w.entry_key = bl.loan_id || ':write-off'
                    and i.id is not null and i.id < w.id
                where bl.bill_id = :b and bl.penalty_cents > 0
                """)
            .param("b", billId)
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getString(1),
                      rs.getLong(2),
                      rs.getBoolean(3),
                      AccountKind.valueOf(rs.getString(4))
                    })
            .list()) {
      long billed = (Long) line[1];
      // A line booked before its loan's write-off was written off with it: paid, it is recovered.
      // Its interest clears the loan's interest receivable, its penalty the loan's penalties.
      lines.add(
          credit(
              (Boolean) line[2]
                  ? Accounts.avance(billChannel, AccountKind.RECOVERY_INCOME)
                  : Accounts.loan((String) line[0], (AccountKind) line[3]),
              billed));
      total += billed;
    }
    lines.add(debit(source, total));
    if (cents > total) {
      // Paid beyond the bill: the payer's, to get back.
      lines.add(debit(source, cents - total));
      lines.add(credit(payerOverpayments(billId), cents - total));
    }
    ledger.post(
        new LedgerEntry(
            billPaidKey(billId, paidBy),
            EntryKind.BILL_PAID,
            null,
            platformOfBill(billId),
            at,
            lines));
  }

  /** A bill paid by a transfer an operator recorded, which no bank booking carried. */
  public void billPaidByOperator(String billId, Instant at) {
    billPaid(
        billId,
        "operator",
        Accounts.avance(channelOf(platformOfBill(billId)), AccountKind.CLEARING),
        0,
        at);
  }

  /** A bill paid by a credit that quoted it. */
  public void billPaidByCredit(String billId, String reference, Instant at) {
    billPaid(
        billId, "credit:" + reference, creditOwner(reference, channelOfCredit(reference)), 0, at);
  }

  private static String billPaidKey(String billId, String paidBy) {
    return billId + ":paid:" + paidBy;
  }

  private Optional<String> billOfDebit(String paymentId) {
    return jdbc.sql("select id from bills where payment_id = :p")
        .param("p", paymentId)
        .query(String.class)
        .optional();
  }

  private String platformOfBill(String billId) {
    return jdbc.sql("select platform_id from bills where id = :b")
        .param("b", billId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private String payerOverpayments(String billId) {
    return jdbc.sql("select payer_type, payer_id from bills where id = :b")
        .param("b", billId)
        .query(
            (rs, n) ->
                "BORROWER".equals(rs.getString(1))
                    ? Accounts.borrower(rs.getString(2), AccountKind.OVERPAYMENTS)
                    : Accounts.platform(rs.getString(2), AccountKind.OVERPAYMENTS))
        .single();
  }

  // Owners and channels -----------------------------------------------------------------------

  /**
   * Whose money a credit is until something is given it: the borrower whose virtual IBAN received
   * it, else Avance's unassigned money of the channel.
   */
  String creditOwner(String reference, Channel ch) {
    return jdbc.sql(
            """
            select b.id from bank_incoming_credits c
            join borrowers b on b.virtual_iban = upper(replace(c.to_iban, ' ', ''))
            where c.bank_reference = :ref
            order by b.id limit 1
            """)
        .param("ref", reference)
        .query(String.class)
        .optional()
        .map(b -> Accounts.borrower(b, AccountKind.UNASSIGNED))
        .orElse(Accounts.avance(ch, AccountKind.UNASSIGNED));
  }

  private Channel channel(Payment p) {
    return p.channel() != null ? p.channel() : channelOf(p.platformId());
  }

  Channel channelOf(String platformId) {
    if (platformId == null) {
      return Channel.LIVE;
    }
    return jdbc.sql("select environment from platforms where id = :p")
        .param("p", platformId)
        .query(String.class)
        .optional()
        .map(e -> Channel.valueOf(e.toUpperCase(Locale.ROOT)))
        .orElse(Channel.LIVE);
  }

  private Channel channelOfCredit(String reference) {
    return jdbc.sql("select channel from bank_incoming_credits where bank_reference = :r")
        .param("r", reference)
        .query(String.class)
        .optional()
        .map(Channel::valueOf)
        .orElse(Channel.LIVE);
  }
}
