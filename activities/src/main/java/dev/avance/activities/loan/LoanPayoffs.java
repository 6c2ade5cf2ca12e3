package dev.avance.activities.loan;

import dev.avance.activities.billing.BillingProperties;
import dev.avance.activities.ledger.AccountKind;
import dev.avance.activities.ledger.Accounts;
import dev.avance.workflows.rules.Interest;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a paid-out loan costs to repay in full on a given day: its outstanding principal, the
 * interest not yet billed up to that day, and the interest billed and not yet paid. The interest is
 * the billing run's own: the same principal timeline (payout day on the whole amount, each applied
 * repayment from the Paris day after the payout at the earliest), kept exact and rounded once as a
 * running total, so the payoff's interest is what the next bill would charge for those days.
 *
 * <p>With a penalty rate set, the penalties too: those billed and not paid (the loan's penalties
 * account in the books) and those the next bill would charge, on the principal late each day after
 * the due date since the last bill, at the rate, rounded once as billing rounds a line's.
 */
@Repository
public class LoanPayoffs {
  private final JdbcClient jdbc;
  private final BillingProperties billing;

  public LoanPayoffs(JdbcClient jdbc, BillingProperties billing) {
    this.jdbc = jdbc;
    this.billing = billing;
  }

  /** A loan's payoff on {@code day}, in cents; {@code interestExact} before rounding. */
  public record Payoff(
      String loanId,
      LocalDate day,
      long principalCents,
      long interestCents,
      BigDecimal interestExact,
      long billedUnpaidCents,
      long penaltiesCents) {
    public long totalCents() {
      return principalCents + interestCents + billedUnpaidCents + penaltiesCents;
    }
  }

  private record Loan(
      long amountCents, long outstandingCents, LocalDate payoutDay, LocalDate dueDay) {}

  private record Billed(LocalDate accruedTo, BigDecimal accruedThrough) {}

  /**
   * The payoff of the platform's loan on {@code day}; empty when the loan is missing, another
   * platform's, or not paid out (it has no interest yet and its principal is not owed).
   */
  @Transactional(readOnly = true)
  public Optional<Payoff> payoff(String platformId, String loanId, LocalDate day) {
    Optional<Loan> found =
        jdbc.sql(
                "select amount_cents, outstanding_principal_cents,"
                    + " (paid_at at time zone 'Europe/Paris')::date as payout_day, to_repay_at"
                    + " from loans where platform_id = :p and id = :id and paid_at is not null")
            .param("p", platformId)
            .param("id", loanId)
            .query(
                (rs, n) ->
                    new Loan(
                        rs.getLong("amount_cents"),
                        rs.getLong("outstanding_principal_cents"),
                        rs.getDate("payout_day").toLocalDate(),
                        rs.getDate("to_repay_at").toLocalDate()))
            .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Loan loan = found.get();
    List<Interest.PrincipalChange> timeline = timeline(loanId, loan);
    // The guide's one-day minimum: a loan repaid on its payout day pays for that day.
    LocalDate end = day.isAfter(loan.payoutDay()) ? day : loan.payoutDay().plusDays(1);
    BigDecimal through = Interest.accrued(timeline, loan.payoutDay(), end);
    Billed billed =
        jdbc.sql(
                "select accrued_to, accrued_through from bill_lines where loan_id = :l"
                    + " order by period desc limit 1")
            .param("l", loanId)
            .query(
                (rs, n) ->
                    new Billed(
                        rs.getDate("accrued_to").toLocalDate(),
                        rs.getBigDecimal("accrued_through")))
            .optional()
            .orElse(null);
    BigDecimal before = billed == null ? BigDecimal.ZERO : billed.accruedThrough();
    long interest = 0;
    BigDecimal exact = BigDecimal.ZERO.setScale(Interest.SCALE);
    // A bill already charged these days (a month billed early, up to its run day): nothing more.
    if (through.compareTo(before) > 0 && (billed == null || end.isAfter(billed.accruedTo()))) {
      interest = Interest.centsToBill(before, through);
      exact = through.subtract(before).setScale(Interest.SCALE);
    }
    long billedUnpaid =
        jdbc.sql(
                "select coalesce(sum(l.billed_cents), 0) from bill_lines l"
                    + " join bills b on b.id = l.bill_id"
                    + " where l.loan_id = :l and b.status <> 'PAID'")
            .param("l", loanId)
            .query(Long.class)
            .single();
    long penalties =
        billedPenaltiesUnpaid(loanId)
            + penaltyToBill(
                loan, timeline, billed == null ? loan.payoutDay() : billed.accruedTo(), end);
    return Optional.of(
        new Payoff(
            loanId,
            day,
            Math.max(0, loan.outstandingCents()),
            interest,
            exact,
            billedUnpaid,
            penalties));
  }

  /** Penalties billed and not paid yet: the balance of the loan's penalties receivable. */
  private long billedPenaltiesUnpaid(String loanId) {
    return jdbc.sql("select coalesce(sum(amount_cents), 0) from ledger_lines where account = :a")
        .param("a", Accounts.loan(loanId, AccountKind.PENALTIES))
        .query(Long.class)
        .single();
  }

  /**
   * The penalty the next bill would charge for [from, end): billing's rule, each day after the due
   * date on the principal outstanding that day, times the rate, rounded once.
   */
  private long penaltyToBill(
      Loan loan, List<Interest.PrincipalChange> timeline, LocalDate from, LocalDate end) {
    if (billing.penaltyDailyRate().signum() == 0) {
      return 0;
    }
    LocalDate start = from.isAfter(loan.dueDay()) ? from : loan.dueDay().plusDays(1);
    long principalDays = 0;
    for (int i = 0; i < timeline.size(); i++) {
      LocalDate segFrom = timeline.get(i).day();
      LocalDate segTo = i + 1 < timeline.size() ? timeline.get(i + 1).day() : end;
      LocalDate a = segFrom.isAfter(start) ? segFrom : start;
      LocalDate b = segTo.isBefore(end) ? segTo : end;
      if (a.isBefore(b)) {
        principalDays +=
            timeline.get(i).principalCentsFromThatDay()
                * java.time.temporal.ChronoUnit.DAYS.between(a, b);
      }
    }
    return Interest.roundToCents(
        BigDecimal.valueOf(principalDays).multiply(billing.penaltyDailyRate()));
  }

  /** The principal outstanding from each day on, as billing reads it. */
  private List<Interest.PrincipalChange> timeline(String loanId, Loan loan) {
    List<Interest.PrincipalChange> timeline = new ArrayList<>();
    timeline.add(new Interest.PrincipalChange(loan.payoutDay(), loan.amountCents()));
    List<Object[]> repayments =
        jdbc.sql(
                "select greatest((created_at at time zone 'Europe/Paris')::date, cast(:payout as date) + 1)"
                    + " as day, sum(amount_cents) as amount from credit_repayments"
                    + " where loan_id = :l and amount_cents <> 0 group by 1 order by 1")
            .param("l", loanId)
            .param("payout", Date.valueOf(loan.payoutDay()))
            .query((rs, n) -> new Object[] {rs.getDate("day").toLocalDate(), rs.getLong("amount")})
            .list();
    long principal = loan.amountCents();
    for (Object[] r : repayments) {
      principal -= (Long) r[1];
      timeline.add(new Interest.PrincipalChange((LocalDate) r[0], Math.max(0, principal)));
    }
    return timeline;
  }
}
