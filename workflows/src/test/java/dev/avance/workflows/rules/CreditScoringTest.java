package dev.avance.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CreditScoringTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
  private static final long MILLION_EUROS = 100_000_000L;
  private static final long HUNDRED_THOUSAND_EUROS = 10_000_000L;

  /** A company of 3 years with €1M revenue, no data, no history: its line is the plain base. */
  private static ScoringInput plain() {
    return new ScoringInput(
        MILLION_EUROS,
        TODAY.minusYears(3),
        TODAY,
        0,
        0,
        false,
        false,
        false,
        CreditScoring.DEFAULT_LINE_CAP_CENTS);
  }

  private static ScoringInput withRevenue(ScoringInput in, long revenueCents) {
    return new ScoringInput(
        revenueCents,
        in.createdOn(),
        in.today(),
        in.onTimeRepayments(),
        in.lateRepayments(),
        in.currentlyLate(),
        in.salesHistoryProvided(),
        in.accountingDataProvided(),
        in.lineCapCents());
  }

  private static ScoringInput createdOn(ScoringInput in, LocalDate createdOn) {
    return new ScoringInput(
        in.annualRevenueCents(),
        createdOn,
        in.today(),
        in.onTimeRepayments(),
        in.lateRepayments(),
        in.currentlyLate(),
        in.salesHistoryProvided(),
        in.accountingDataProvided(),
        in.lineCapCents());
  }

  private static ScoringInput withHistory(ScoringInput in, int onTime, int late, boolean now) {
    return new ScoringInput(
        in.annualRevenueCents(),
        in.createdOn(),
        in.today(),
        onTime,
        late,
        now,
        in.salesHistoryProvided(),
        in.accountingDataProvided(),
        in.lineCapCents());
  }

  private static ScoringInput withData(ScoringInput in, boolean sales, boolean accounting) {
    return new ScoringInput(
        in.annualRevenueCents(),
        in.createdOn(),
        in.today(),
        in.onTimeRepayments(),
        in.lateRepayments(),
        in.currentlyLate(),
        sales,
        accounting,
        in.lineCapCents());
  }

  private static ScoringInput withCap(ScoringInput in, long capCents) {
    return new ScoringInput(
        in.annualRevenueCents(),
        in.createdOn(),
        in.today(),
        in.onTimeRepayments(),
        in.lateRepayments(),
        in.currentlyLate(),
        in.salesHistoryProvided(),
        in.accountingDataProvided(),
        capCents);
  }

  private static long max(ScoringInput in) {
    return CreditScoring.score(in).maxAmountCents();
  }

  @Test
  void capsArePublished() {
    assertThat(CreditScoring.PER_LOAN_CAP_CENTS).isEqualTo(20_000_000L);
    assertThat(CreditScoring.DEFAULT_LINE_CAP_CENTS).isEqualTo(50_000_000L);
  }

  @Test
  void baseIsTenPercentOfRevenue() {
    assertThat(max(plain())).isEqualTo(HUNDRED_THOUSAND_EUROS);
    assertThat(max(withRevenue(plain(), 20_000_000L))).isEqualTo(2_000_000L);
    assertThat(max(withRevenue(plain(), 0))).isZero();
  }

  @Test
  void companyUnderTwoYearsGetsHalf() {
    assertThat(max(createdOn(plain(), TODAY.minusYears(1)))).isEqualTo(5_000_000L);
    assertThat(max(createdOn(plain(), TODAY.minusYears(2).plusDays(1)))).isEqualTo(5_000_000L);
  }

  @Test
  void companyFromTwoToFiveYearsGetsTheBase() {
    assertThat(max(createdOn(plain(), TODAY.minusYears(2)))).isEqualTo(HUNDRED_THOUSAND_EUROS);
    assertThat(max(createdOn(plain(), TODAY.minusYears(4)))).isEqualTo(HUNDRED_THOUSAND_EUROS);
    assertThat(max(createdOn(plain(), TODAY.minusYears(5)))).isEqualTo(HUNDRED_THOUSAND_EUROS);
  }

  @Test
  void companyOverFiveYearsGets120Percent() {
    assertThat(max(createdOn(plain(), TODAY.minusYears(5).minusDays(1)))).isEqualTo(12_000_000L);
    assertThat(max(createdOn(plain(), TODAY.minusYears(30)))).isEqualTo(12_000_000L);
  }

  @Test
  void ageBracketsFollowTheCalendarOnLeapDays() {
    LocalDate leapDay = LocalDate.of(2024, 2, 29);
    // Two years after 29 February 2024 is 28 February 2026.
    assertThat(CreditScoring.agePercent(leapDay, LocalDate.of(2026, 2, 27))).isEqualTo(50);
    assertThat(CreditScoring.agePercent(leapDay, LocalDate.of(2026, 2, 28))).isEqualTo(100);
  }

  @Test
  void salesHistoryAddsTenPercentOfBase() {
    assertThat(max(withData(plain(), true, false))).isEqualTo(11_000_000L);
  }

  @Test
  void accountingDataAddsTwentyPercentOfBase() {
    assertThat(max(withData(plain(), false, true))).isEqualTo(12_000_000L);
  }

  @Test
  void bothDataAddThirtyPercentOfBase() {
    assertThat(max(withData(plain(), true, true))).isEqualTo(13_000_000L);
  }

  @Test
  void dataBonusIsOnTheBaseNotOnTheAgeAdjustedAmount() {
    ScoringInput young = withData(createdOn(plain(), TODAY.minusYears(1)), true, true);
    ScoringInput mature = withData(createdOn(plain(), TODAY.minusYears(10)), true, true);
    assertThat(max(young)).isEqualTo(5_000_000L + 3_000_000L);
    assertThat(max(mature)).isEqualTo(12_000_000L + 3_000_000L);
  }

  @Test
  void eachOnTimeRepaymentAddsFivePercentUpToFifty() {
    assertThat(max(withHistory(plain(), 1, 0, false))).isEqualTo(10_500_000L);
    assertThat(max(withHistory(plain(), 3, 0, false))).isEqualTo(11_500_000L);
    assertThat(max(withHistory(plain(), 10, 0, false))).isEqualTo(15_000_000L);
    assertThat(max(withHistory(plain(), 11, 0, false))).isEqualTo(15_000_000L);
    assertThat(max(withHistory(plain(), Integer.MAX_VALUE, 0, false))).isEqualTo(15_000_000L);
  }

  @Test
  void eachLateRepaymentTakesTwentyFivePercentDownToZero() {
    assertThat(max(withHistory(plain(), 0, 1, false))).isEqualTo(7_500_000L);
    assertThat(max(withHistory(plain(), 0, 2, false))).isEqualTo(5_000_000L);
    assertThat(max(withHistory(plain(), 0, 3, false))).isEqualTo(2_500_000L);
    assertThat(max(withHistory(plain(), 0, 4, false))).isZero();
    assertThat(max(withHistory(plain(), 0, Integer.MAX_VALUE, false))).isZero();
  }

  @Test
  void onTimeAndLatePercentagesAddUp() {
    assertThat(max(withHistory(plain(), 10, 2, false))).isEqualTo(HUNDRED_THOUSAND_EUROS);
    assertThat(max(withHistory(plain(), 10, 4, false))).isEqualTo(5_000_000L);
    assertThat(max(withHistory(plain(), 5, 1, false))).isEqualTo(HUNDRED_THOUSAND_EUROS);
  }

  @Test
  void historyAppliesToTheAmountAfterAgeAndData() {
    ScoringInput in =
        withHistory(withData(createdOn(plain(), TODAY.minusYears(10)), true, false), 4, 0, false);
    // (12,000,000 + 1,000,000) × 120 % = 15,600,000.
    assertThat(max(in)).isEqualTo(15_600_000L);
  }

  @Test
  void beingLateNowGivesZeroWhateverElse() {
    ScoringInput best =
        withHistory(withData(createdOn(plain(), TODAY.minusYears(10)), true, true), 10, 0, true);
    CreditScore score = CreditScoring.score(best);
    assertThat(score.maxAmountCents()).isZero();
    assertThat(score.factors()).contains("currently late on a repayment: 0");
  }

  @Test
  void theLineCapBounds() {
    ScoringInput big = withRevenue(plain(), 10 * MILLION_EUROS);
    assertThat(max(big)).isEqualTo(CreditScoring.DEFAULT_LINE_CAP_CENTS);
    assertThat(max(withCap(big, 20_000_000L))).isEqualTo(20_000_000L);
    assertThat(max(withCap(big, 0))).isZero();
    assertThat(max(withCap(plain(), 20_000_000L))).isEqualTo(HUNDRED_THOUSAND_EUROS);
  }

  @Test
  void anUnevenCapIsRoundedDownToo() {
    ScoringInput big = withCap(withRevenue(plain(), 10 * MILLION_EUROS), 12_345_678L);
    assertThat(max(big)).isEqualTo(12_300_000L);
  }

  @Test
  void roundsDownToWholeThousandsOfEuros() {
    // Base €12,345.67 -> €12,000.
    assertThat(max(withRevenue(plain(), 12_345_678L))).isEqualTo(1_200_000L);
    // €999,999.99 of revenue: base €99,999.99 -> €99,000.
    assertThat(max(withRevenue(plain(), 99_999_999L))).isEqualTo(9_900_000L);
    assertThat(max(withRevenue(plain(), 999_999L))).isZero();
    assertThat(max(withRevenue(plain(), 1_000_000L))).isEqualTo(100_000L);
  }

  @Test
  void resultsAreAlwaysMultiplesOfAThousandEurosWithinTheCap() {
    for (long revenue = 0; revenue < 3_000_000_000L; revenue += 7_777_777L) {
      for (int onTime = 0; onTime <= 12; onTime += 3) {
        ScoringInput in = withHistory(withRevenue(plain(), revenue), onTime, 0, false);
        long max = max(in);
        assertThat(max % CreditScoring.ROUNDING_CENTS).isZero();
        assertThat(max).isBetween(0L, CreditScoring.DEFAULT_LINE_CAP_CENTS);
      }
    }
  }

  @Test
  void moreOnTimeRepaymentsNeverLowerTheResult() {
    for (ScoringInput in : grid()) {
      long previous = max(withHistory(in, 0, in.lateRepayments(), in.currentlyLate()));
      for (int onTime = 1; onTime <= 15; onTime++) {
        long next = max(withHistory(in, onTime, in.lateRepayments(), in.currentlyLate()));
        assertThat(next).as("%s with %d on time", in, onTime).isGreaterThanOrEqualTo(previous);
        previous = next;
      }
    }
  }

  @Test
  void moreLateRepaymentsNeverRaiseTheResult() {
    for (ScoringInput in : grid()) {
      long previous = max(withHistory(in, in.onTimeRepayments(), 0, in.currentlyLate()));
      for (int late = 1; late <= 6; late++) {
        long next = max(withHistory(in, in.onTimeRepayments(), late, in.currentlyLate()));
        assertThat(next).as("%s with %d late", in, late).isLessThanOrEqualTo(previous);
        previous = next;
      }
    }
  }

  @Test
  void addingDataNeverLowersTheResult() {
    for (ScoringInput in : grid()) {
      long none = max(withData(in, false, false));
      long sales = max(withData(in, true, false));
      long accounting = max(withData(in, false, true));
      long both = max(withData(in, true, true));
      assertThat(sales).as("%s", in).isGreaterThanOrEqualTo(none);
      assertThat(accounting).as("%s", in).isGreaterThanOrEqualTo(none);
      assertThat(both)
          .as("%s", in)
          .isGreaterThanOrEqualTo(sales)
          .isGreaterThanOrEqualTo(accounting);
    }
  }

  @Test
  void moreRevenueNeverLowersTheResult() {
    for (ScoringInput in : grid()) {
      assertThat(max(withRevenue(in, in.annualRevenueCents() + 1_234_567L)))
          .as("%s", in)
          .isGreaterThanOrEqualTo(max(in));
    }
  }

  @Test
  void theMonotonicityGridIsNotDegenerate() {
    var results = grid().stream().map(CreditScoringTest::max).distinct().count();
    assertThat(results).isGreaterThan(50);
    assertThat(grid().stream().anyMatch(in -> max(in) == CreditScoring.DEFAULT_LINE_CAP_CENTS))
        .isTrue();
  }

  private static java.util.List<ScoringInput> grid() {
    var inputs = new java.util.ArrayList<ScoringInput>();
    long[] revenues = {0, 999_999L, 12_345_678L, MILLION_EUROS, 777_777_777L, 2_000_000_000L};
    LocalDate[] creations = {
      TODAY.minusMonths(7),
      TODAY.minusYears(2),
      TODAY.minusYears(5),
      TODAY.minusYears(5).minusDays(1)
    };
    for (long revenue : revenues) {
      for (LocalDate created : creations) {
        for (int onTime : new int[] {0, 2, 10}) {
          for (int late : new int[] {0, 1, 4}) {
            for (boolean sales : new boolean[] {false, true}) {
              for (boolean accounting : new boolean[] {false, true}) {
                for (boolean now : new boolean[] {false, true}) {
                  inputs.add(
                      new ScoringInput(
                          revenue,
                          created,
                          TODAY,
                          onTime,
                          late,
                          now,
                          sales,
                          accounting,
                          CreditScoring.DEFAULT_LINE_CAP_CENTS));
                }
              }
            }
          }
        }
      }
    }
    return inputs;
  }

  @Test
  void factorsExplainEachStep() {
    ScoringInput in =
        withHistory(
            withData(createdOn(plain(), LocalDate.of(2019, 1, 10)), true, false), 3, 1, false);
    CreditScore score = CreditScoring.score(in);
    // (12,000,000 + 1,000,000) × (100 + 15 - 25) % = 11,700,000.
    assertThat(score.maxAmountCents()).isEqualTo(11_700_000L);
    assertThat(score.factors())
        .containsExactly(
            "base: 10 % of annual revenue €1,000,000.00 = €100,000.00",
            "company age 7 years 2 months (over 5 years): ×120 % = €120,000.00",
            "sales history provided: +10 % of base = +€10,000.00 → €130,000.00",
            "no accounting data provided: +0",
            "history on Avance: 3 on-time repayments +15 %, 1 late repayment −25 %: −10 % ="
                + " €117,000.00",
            "no repayment currently late",
            "within the line cap of €500,000.00",
            "rounded down to whole thousands of euros: €117,000.00");
  }

  @Test
  void factorsSayWhenTheCapApplies() {
    CreditScore score = CreditScoring.score(withRevenue(plain(), 10 * MILLION_EUROS));
    assertThat(score.factors()).contains("capped at the line cap of €500,000.00");
  }

  @Test
  void factorsCannotBeChangedAfterScoring() {
    CreditScore score = CreditScoring.score(plain());
    assertThatThrownBy(() -> score.factors().add("more"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void isDeterministic() {
    ScoringInput in = withHistory(withData(plain(), true, true), 7, 1, false);
    assertThat(CreditScoring.score(in)).isEqualTo(CreditScoring.score(in));
  }

  @Test
  void formatsEurosIndependentlyOfLocale() {
    assertThat(CreditScoring.euros(123_456_789L)).isEqualTo("€1,234,567.89");
    assertThat(CreditScoring.euros(5L)).isEqualTo("€0.05");
    assertThat(CreditScoring.euros(0L)).isEqualTo("€0.00");
  }

  @Test
  void refusesNegativeAmountsAndCounts() {
    assertThatThrownBy(() -> CreditScoring.score(withRevenue(plain(), -1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditScoring.score(withHistory(plain(), -1, 0, false)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditScoring.score(withHistory(plain(), 0, -1, false)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditScoring.score(withCap(plain(), -1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesMissingDates() {
    assertThatThrownBy(() -> CreditScoring.score(createdOn(plain(), null)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CreditScoring.score(null)).isInstanceOf(NullPointerException.class);
  }
}
