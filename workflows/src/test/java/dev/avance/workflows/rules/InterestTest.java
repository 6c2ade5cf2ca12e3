package dev.avance.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.workflows.rules.Interest.PrincipalChange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterestTest {
  private static final LocalDate PAYOUT = LocalDate.of(2026, 3, 15);

  private static BigDecimal exact(String cents) {
    return new BigDecimal(cents);
  }

  private static PrincipalChange change(LocalDate day, long cents) {
    return new PrincipalChange(day, cents);
  }

  /** principal × days / 2000 as a reduced fraction, to compare with the BigDecimal: an oracle. */
  private static BigInteger[] fraction(long principal, long days) {
    BigInteger numerator = BigInteger.valueOf(principal).multiply(BigInteger.valueOf(days));
    BigInteger denominator = BigInteger.valueOf(2000);
    BigInteger gcd = numerator.gcd(denominator);
    return gcd.signum() == 0
        ? new BigInteger[] {BigInteger.ZERO, BigInteger.ONE}
        : new BigInteger[] {numerator.divide(gcd), denominator.divide(gcd)};
  }

  @Test
  void theRateIsFivePerTenThousandADay() {
    assertThat(Interest.DAILY_RATE_PERCENT).isEqualByComparingTo("0.05");
    assertThat(Interest.ROUNDING).isEqualTo(java.math.RoundingMode.HALF_UP);
  }

  @Test
  void theGuidesExample() {
    // €500 for 30 days: 0.05 % × 500 × 30 = €7.50.
    BigDecimal interest = Interest.accrued(50_000, 30);

    assertThat(interest).isEqualByComparingTo("750");
    assertThat(Interest.roundToCents(interest)).isEqualTo(750);
    assertThat(Interest.accrued(50_000, Interest.days(PAYOUT, PAYOUT.plusDays(30))))
        .isEqualByComparingTo("750");
  }

  @Test
  void isExactToATenThousandthOfACent() {
    assertThat(Interest.accrued(1, 1)).isEqualTo(exact("0.0005"));
    assertThat(Interest.accrued(1, 1).scale()).isEqualTo(4);
    assertThat(Interest.accrued(3, 7)).isEqualTo(exact("0.0105"));
    assertThat(Interest.accrued(1, 1999)).isEqualTo(exact("0.9995"));
    assertThat(Interest.accrued(0, 120)).isEqualTo(exact("0.0000"));
    assertThat(Interest.accrued(123_456, 0)).isEqualTo(exact("0.0000"));
    // 2000 one-cent-days make exactly one cent: nothing lost on the way.
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < 2000; i++) {
      sum = sum.add(Interest.accrued(1, 1));
    }
    assertThat(sum).isEqualByComparingTo("1");
  }

  @Test
  void matchesTheExactFractionForRandomInputs() {
    Random random = new Random(20260315);
    for (int i = 0; i < 5_000; i++) {
      long principal = random.nextInt(1_000_000_000);
      long days = random.nextInt(400);
      BigDecimal interest = Interest.accrued(principal, days);
      BigInteger[] expected = fraction(principal, days);
      // interest × denominator == numerator, exactly.
      assertThat(interest.multiply(new BigDecimal(expected[1])))
          .as("%d cents for %d days", principal, days)
          .isEqualByComparingTo(new BigDecimal(expected[0]));
      assertThat(interest.scale()).isEqualTo(4);
    }
  }

  @Test
  void doesNotOverflowOnHugeAmounts() {
    BigDecimal interest = Interest.accrued(Long.MAX_VALUE, 120);
    BigDecimal expected =
        new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(120)))
            .divide(BigDecimal.valueOf(2000));

    assertThat(interest).isEqualByComparingTo(expected);
  }

  @Test
  void negativeInputsAreRefused() {
    assertThatThrownBy(() -> Interest.accrued(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Interest.accrued(1, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> change(PAYOUT, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> change(null, 1)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void daysCountThePayoutDayButNotTheRepaymentDay() {
    assertThat(Interest.days(PAYOUT, PAYOUT.plusDays(1))).isEqualTo(1);
    assertThat(Interest.days(PAYOUT, PAYOUT.plusDays(30))).isEqualTo(30);
    assertThat(Interest.days(PAYOUT, PAYOUT.plusDays(120))).isEqualTo(120);
    // Calendar days: across February 2028 (leap) and the DST change of 29 March 2026.
    assertThat(Interest.days(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 3, 1))).isEqualTo(29);
    assertThat(Interest.days(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30))).isEqualTo(2);
  }

  @Test
  void aLoanRepaidOnItsPayoutDayCostsOneDay() {
    assertThat(Interest.days(PAYOUT, PAYOUT)).isEqualTo(1);
    assertThat(Interest.accrued(50_000, Interest.days(PAYOUT, PAYOUT))).isEqualByComparingTo("25");
  }

  @Test
  void aRepaymentBeforeThePayoutIsRefused() {
    assertThatThrownBy(() -> Interest.days(PAYOUT, PAYOUT.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConstantPrincipalOverAPeriod() {
    List<PrincipalChange> timeline =
        List.of(change(PAYOUT, 50_000), change(PAYOUT.plusDays(30), 0));

    assertThat(Interest.accrued(timeline, PAYOUT, PAYOUT.plusDays(30)))
        .isEqualTo(exact("750.0000"));
    // After the repayment nothing accrues, however long the period.
    assertThat(Interest.accrued(timeline, PAYOUT, PAYOUT.plusDays(365)))
        .isEqualTo(exact("750.0000"));
    // Before the payout the principal is 0.
    assertThat(Interest.accrued(timeline, PAYOUT.minusDays(10), PAYOUT.plusDays(1)))
        .isEqualTo(exact("25.0000"));
    assertThat(Interest.accrued(timeline, PAYOUT.minusDays(10), PAYOUT)).isEqualTo(exact("0.0000"));
  }

  @Test
  void aPartialRepaymentStopsInterestOnTheRepaidPartFromThatDay() {
    // €1,000 paid out; €400 repaid on day 10; the rest on day 30.
    List<PrincipalChange> timeline =
        List.of(
            change(PAYOUT, 100_000),
            change(PAYOUT.plusDays(10), 60_000),
            change(PAYOUT.plusDays(30), 0));

    BigDecimal interest = Interest.accrued(timeline, PAYOUT, PAYOUT.plusDays(30));

    // 10 days on €1,000 = €5.00, then 20 days on €600 = €6.00.
    assertThat(interest).isEqualTo(exact("1100.0000"));
    assertThat(interest)
        .isEqualTo(Interest.accrued(100_000, 10).add(Interest.accrued(60_000, 20)))
        .isLessThan(Interest.accrued(100_000, 30));
    // The repayment day itself is charged on the reduced principal only.
    assertThat(Interest.accrued(timeline, PAYOUT.plusDays(10), PAYOUT.plusDays(11)))
        .isEqualTo(exact("30.0000"));
    assertThat(Interest.accrued(timeline, PAYOUT.plusDays(9), PAYOUT.plusDays(10)))
        .isEqualTo(exact("50.0000"));
  }

  @Test
  void aLateLoanKeepsAccruingAtTheSameRate() {
    // Due on day 30, still unpaid on day 45: no change in the timeline, interest runs on.
    List<PrincipalChange> timeline = List.of(change(PAYOUT, 50_000));

    assertThat(Interest.accrued(timeline, PAYOUT, PAYOUT.plusDays(45)))
        .isEqualTo(Interest.accrued(50_000, 45))
        .isEqualByComparingTo("1125");
  }

  @Test
  void changesOnOneDayApplyInOrder() {
    List<PrincipalChange> sameDay =
        List.of(
            change(PAYOUT, 50_000),
            change(PAYOUT.plusDays(5), 30_000),
            change(PAYOUT.plusDays(5), 20_000));

    assertThat(Interest.accrued(sameDay, PAYOUT, PAYOUT.plusDays(6)))
        .isEqualTo(Interest.accrued(50_000, 5).add(Interest.accrued(20_000, 1)));
    // A payout and a full repayment on one day accrue nothing here: days() owns the minimum.
    List<PrincipalChange> repaidAtOnce = List.of(change(PAYOUT, 50_000), change(PAYOUT, 0));
    assertThat(Interest.accrued(repaidAtOnce, PAYOUT, PAYOUT.plusDays(30)))
        .isEqualTo(exact("0.0000"));
  }

  @Test
  void emptyTimelinesAndEmptyPeriodsAccrueNothing() {
    assertThat(Interest.accrued(List.of(), PAYOUT, PAYOUT.plusDays(30))).isEqualTo(exact("0.0000"));
    List<PrincipalChange> timeline = List.of(change(PAYOUT, 50_000));
    assertThat(Interest.accrued(timeline, PAYOUT.plusDays(3), PAYOUT.plusDays(3)))
        .isEqualTo(exact("0.0000"));
  }

  @Test
  void badTimelinesAndPeriodsAreRefused() {
    List<PrincipalChange> outOfOrder =
        List.of(change(PAYOUT.plusDays(1), 50_000), change(PAYOUT, 0));
    assertThatThrownBy(() -> Interest.accrued(outOfOrder, PAYOUT, PAYOUT.plusDays(5)))
        .isInstanceOf(IllegalArgumentException.class);
    List<PrincipalChange> timeline = List.of(change(PAYOUT, 50_000));
    assertThatThrownBy(() -> Interest.accrued(timeline, PAYOUT, PAYOUT.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Interest.accrued(null, PAYOUT, PAYOUT))
        .isInstanceOf(NullPointerException.class);
  }

  /** A random loan: a payout then up to 4 partial repayments and a final one, within 120 days. */
  private static List<PrincipalChange> randomTimeline(Random random, LocalDate payout) {
    List<PrincipalChange> timeline = new ArrayList<>();
    long principal = 1 + random.nextInt(50_000_000);
    timeline.add(change(payout, principal));
    LocalDate day = payout;
    int repayments = random.nextInt(5);
    for (int i = 0; i < repayments && principal > 1; i++) {
      day = day.plusDays(1 + random.nextInt(25));
      principal -= 1 + random.nextInt((int) Math.min(principal - 1, Integer.MAX_VALUE));
      timeline.add(change(day, principal));
    }
    timeline.add(change(day.plusDays(1 + random.nextInt(20)), 0));
    return timeline;
  }

  /** Interest summed day by day, the most literal reading of the rule: an oracle. */
  private static BigDecimal dayByDay(List<PrincipalChange> timeline, LocalDate from, LocalDate to) {
    BigDecimal total = BigDecimal.ZERO;
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      long principal = 0;
      for (PrincipalChange c : timeline) {
        if (!c.day().isAfter(d)) {
          principal = c.principalCentsFromThatDay();
        }
      }
      total = total.add(Interest.accrued(principal, 1));
    }
    return total;
  }

  @Test
  void sumsOfSplitPeriodsEqualTheWhole() {
    Random random = new Random(50_000);
    for (int i = 0; i < 500; i++) {
      LocalDate payout = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
      List<PrincipalChange> timeline = randomTimeline(random, payout);
      LocalDate from = payout.minusDays(random.nextInt(10));
      LocalDate to = payout.plusDays(1 + random.nextInt(150));
      BigDecimal whole = Interest.accrued(timeline, from, to);

      TreeSet<LocalDate> cuts = new TreeSet<>(List.of(from, to));
      int span = (int) ChronoUnit.DAYS.between(from, to);
      for (int c = random.nextInt(6); c > 0; c--) {
        cuts.add(from.plusDays(random.nextInt(span + 1)));
      }
      BigDecimal sum = BigDecimal.ZERO;
      LocalDate previous = null;
      for (LocalDate cut : cuts) {
        if (previous != null) {
          sum = sum.add(Interest.accrued(timeline, previous, cut));
        }
        previous = cut;
      }

      assertThat(sum).as("%s cut at %s", timeline, cuts).isEqualTo(whole);
      assertThat(whole).as("%s", timeline).isEqualByComparingTo(dayByDay(timeline, from, to));
    }
  }

  @Test
  void monthlyBillsAddUpToTheTotalRoundedOnce() {
    Random random = new Random(12_026);
    int billsThatRoundedDifferently = 0;
    for (int i = 0; i < 500; i++) {
      LocalDate payout = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
      List<PrincipalChange> timeline = randomTimeline(random, payout);
      LocalDate end = timeline.get(timeline.size() - 1).day();
      BigDecimal total = Interest.accrued(timeline, payout, end);

      long billed = 0;
      long roundedOnItsOwn = 0;
      BigDecimal before = BigDecimal.ZERO;
      for (LocalDate month = payout.withDayOfMonth(1);
          month.isBefore(end);
          month = month.plusMonths(1)) {
        BigDecimal inMonth = Interest.accrued(timeline, month, month.plusMonths(1));
        BigDecimal through = before.add(inMonth);
        long bill = Interest.centsToBill(before, through);
        assertThat(bill).isNotNegative();
        billed += bill;
        roundedOnItsOwn += Interest.roundToCents(inMonth);
        before = through;
      }

      assertThat(billed).as("%s", timeline).isEqualTo(Interest.roundToCents(total));
      if (roundedOnItsOwn != billed) {
        billsThatRoundedDifferently++;
      }
    }
    // The running total matters: rounding each bill on its own drifts for some loans.
    assertThat(billsThatRoundedDifferently).isPositive();
  }

  @ParameterizedTest
  @CsvSource({
    "0.0000, 0",
    "0.4999, 0",
    "0.5000, 1",
    "0.0005, 0",
    "1.5000, 2",
    "2.5000, 3",
    "750.0000, 750",
    "749.4999, 749",
    "749.5000, 750",
  })
  void roundsHalfUp(String exactCents, long expected) {
    assertThat(Interest.roundToCents(exact(exactCents))).isEqualTo(expected);
  }

  @Test
  void centsToBillIsTheDifferenceOfRoundedTotals() {
    // Three months of 0.4 cents: 0, 1 (0.8 → 1), 0 (1.2 → 1): 1 cent in all, as 1.2 rounds to.
    assertThat(Interest.centsToBill(exact("0"), exact("0.4"))).isEqualTo(0);
    assertThat(Interest.centsToBill(exact("0.4"), exact("0.8"))).isEqualTo(1);
    assertThat(Interest.centsToBill(exact("0.8"), exact("1.2"))).isEqualTo(0);
    assertThatThrownBy(() -> Interest.centsToBill(exact("2"), exact("1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundingRefusesAmountsBeyondALong() {
    assertThatThrownBy(() -> Interest.roundToCents(new BigDecimal("1e30")))
        .isInstanceOf(ArithmeticException.class);
  }
}
