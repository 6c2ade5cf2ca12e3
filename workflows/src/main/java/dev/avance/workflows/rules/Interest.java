package dev.avance.workflows.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Simple interest of {@link #DAILY_RATE_PERCENT} % a day on the outstanding principal, kept exact:
 * amounts are cents as {@link BigDecimal}s of scale 4, and only {@link #roundToCents} rounds.
 *
 * <p>Scale 4 is exact, not a rounding: a whole number of cents times a whole number of days times
 * 0.0005 has at most 4 decimals, and so has any sum of such products.
 */
public final class Interest {
  /** The daily rate, in percent: 0.05 % of the outstanding principal per calendar day. */
  public static final BigDecimal DAILY_RATE_PERCENT = new BigDecimal("0.05");

  /** The scale of every exact amount this class returns. */
  public static final int SCALE = 4;

  /** How {@link #roundToCents} rounds: half a cent goes up, as on a commercial invoice. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

  private Interest() {}

  /** The principal outstanding from {@code day} (inclusive) until the next change. */
  public record PrincipalChange(LocalDate day, long principalCentsFromThatDay) {
    /**
     * @throws IllegalArgumentException if the principal is negative
     */
    public PrincipalChange {
      Objects.requireNonNull(day, "day");
      if (principalCentsFromThatDay < 0) {
        throw new IllegalArgumentException(
            "a principal is at least 0 cents: " + principalCentsFromThatDay);
      }
    }
  }

  /**
   * The exact interest, in cents, on {@code principalCents} for {@code days} days: {@code
   * principalCents × days × 5 / 10,000}.
   *
   * @throws IllegalArgumentException if either is negative
   */
  public static BigDecimal accrued(long principalCents, long days) {
    if (principalCents < 0) {
      throw new IllegalArgumentException("a principal is at least 0 cents: " + principalCents);
    }
    if (days < 0) {
      throw new IllegalArgumentException("a number of days is at least 0: " + days);
    }
    // The product can exceed a long; BigDecimal multiplication is exact. Moving the point by 2
    // turns a percentage into a fraction: scale 2 of the rate + 2 = scale 4.
    return BigDecimal.valueOf(principalCents)
        .multiply(BigDecimal.valueOf(days))
        .multiply(DAILY_RATE_PERCENT)
        .movePointLeft(2);
  }

  /**
   * The exact interest, in cents, on {@code principalDays} cent-days (a principal summed over the
   * days it was outstanding): what {@link #accrued(long, long)} gives for that many cents over one
   * day. Bulk accruals add up cent-days first and turn them into interest once.
   *
   * @throws IllegalArgumentException if it is negative
   */
  public static BigDecimal accruedOnPrincipalDays(long principalDays) {
    return accrued(principalDays, 1);
  }

  /**
   * The calendar days a loan paid out on {@code payoutDay} and repaid on {@code repaymentDay} is
   * charged for: the payout day counts, the repayment day does not, and a loan repaid on its payout
   * day still costs one day.
   *
   * @throws IllegalArgumentException if the repayment day is before the payout day
   */
  public static long days(LocalDate payoutDay, LocalDate repaymentDay) {
    Objects.requireNonNull(payoutDay, "payoutDay");
    Objects.requireNonNull(repaymentDay, "repaymentDay");
    if (repaymentDay.isBefore(payoutDay)) {
      throw new IllegalArgumentException(
          "repaid on " + repaymentDay + " before its payout on " + payoutDay);
    }
    return Math.max(1, ChronoUnit.DAYS.between(payoutDay, repaymentDay));
  }

  /**
   * The exact interest, in cents, accrued on the days of [{@code from}, {@code toExclusive}) by a
   * principal that follows {@code timeline}: each change holds from its day (inclusive) to the next
   * change's day (exclusive), the last one indefinitely; before the first change the principal is
   * 0. Changes are in order of their days; several on one day are applied in order, so the last one
   * holds from that day (a payout and a repayment on the same day cost nothing here: the one-day
   * minimum of {@link #days} is the caller's to apply).
   *
   * <p>Because each day is charged once, splitting [from, to) at any days and adding the pieces
   * gives exactly the interest of the whole: monthly bills add up to the loan's interest.
   *
   * @throws IllegalArgumentException if {@code toExclusive} is before {@code from} or the changes
   *     are out of order
   */
  public static BigDecimal accrued(
      List<PrincipalChange> timeline, LocalDate from, LocalDate toExclusive) {
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(toExclusive, "toExclusive");
    if (toExclusive.isBefore(from)) {
      throw new IllegalArgumentException("the period ends on " + toExclusive + " before " + from);
    }
    for (int i = 1; i < timeline.size(); i++) {
      if (timeline.get(i).day().isBefore(timeline.get(i - 1).day())) {
        throw new IllegalArgumentException("principal changes out of order: " + timeline);
      }
    }
    BigDecimal total = ZERO;
    for (int i = 0; i < timeline.size(); i++) {
      PrincipalChange change = timeline.get(i);
      LocalDate start = latest(change.day(), from);
      LocalDate end = i + 1 < timeline.size() ? timeline.get(i + 1).day() : toExclusive;
      end = earliest(end, toExclusive);
      if (start.isBefore(end)) {
        long days = ChronoUnit.DAYS.between(start, end);
        total = total.add(accrued(change.principalCentsFromThatDay(), days));
      }
    }
    return total;
  }

  /**
   * {@code exactCents} rounded to whole cents, half a cent up ({@link #ROUNDING}). Round only when
   * billing, and round running totals rather than each bill (see {@link #centsToBill}).
   *
   * @throws ArithmeticException if the result does not fit in a long
   */
  public static long roundToCents(BigDecimal exactCents) {
    return Objects.requireNonNull(exactCents, "exactCents").setScale(0, ROUNDING).longValueExact();
  }

  /**
   * The whole cents to bill for a period, given the loan's exact interest accrued before it and
   * through it: the difference of the two rounded totals. Rounding each bill on its own could
   * create or lose a cent per bill; rounding the running total makes a loan's bills add up to its
   * total interest rounded once, whatever the periods.
   *
   * @throws IllegalArgumentException if {@code accruedThrough} is less than {@code accruedBefore}
   */
  public static long centsToBill(BigDecimal accruedBefore, BigDecimal accruedThrough) {
    Objects.requireNonNull(accruedBefore, "accruedBefore");
    Objects.requireNonNull(accruedThrough, "accruedThrough");
    if (accruedThrough.compareTo(accruedBefore) < 0) {
      throw new IllegalArgumentException(
          "interest does not decrease: " + accruedBefore + " then " + accruedThrough);
    }
    return roundToCents(accruedThrough) - roundToCents(accruedBefore);
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
