package dev.avance.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoanTermsTest {
  private static final LocalDate PAYOUT = LocalDate.of(2026, 3, 15);
  private static final Optional<String> EXCESSIVE = Optional.of("EXCESSIVE_DURATION_LOAN_REQUEST");
  private static final Optional<String> ALREADY_USED = Optional.of("POSTPONEMENT_ALREADY_USED");

  @Test
  void codesAndBoundsAreTheDocumentedOnes() {
    assertThat(LoanTerms.EXCESSIVE_DURATION).isEqualTo("EXCESSIVE_DURATION_LOAN_REQUEST");
    assertThat(LoanTerms.AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT)
        .isEqualTo("AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT");
    assertThat(LoanTerms.MAX_AMOUNT_EXCEEDED_BORROWER).isEqualTo("MAX_AMOUNT_EXCEEDED_BORROWER");
    assertThat(LoanTerms.INVALID_AMOUNT).isEqualTo("INVALID_AMOUNT");
    assertThat(LoanTerms.POSTPONEMENT_ALREADY_USED).isEqualTo("POSTPONEMENT_ALREADY_USED");
    assertThat(LoanTerms.MIN_DAYS).isEqualTo(1);
    assertThat(LoanTerms.MAX_DAYS).isEqualTo(120);
  }

  @Nested
  class Duration {
    @ParameterizedTest
    @CsvSource({"1", "2", "30", "119", "120"})
    void oneTo120DaysAreFine(int days) {
      assertThat(LoanTerms.durationProblem(PAYOUT, PAYOUT.plusDays(days))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "-400", "121", "122", "365"})
    void otherDurationsAreExcessive(int days) {
      assertThat(LoanTerms.durationProblem(PAYOUT, PAYOUT.plusDays(days))).isEqualTo(EXCESSIVE);
    }

    @Test
    void boundsAreCalendarDaysAcrossMonthEndsAndLeapYears() {
      // 2028 is a leap year: 120 days after 1 January is 30 April.
      LocalDate payout = LocalDate.of(2028, 1, 1);
      assertThat(LoanTerms.durationProblem(payout, LocalDate.of(2028, 4, 30))).isEmpty();
      assertThat(LoanTerms.durationProblem(payout, LocalDate.of(2028, 5, 1))).isEqualTo(EXCESSIVE);
      // 120 days after 15 November 2026 is 15 March 2027.
      LocalDate late = LocalDate.of(2026, 11, 15);
      assertThat(LoanTerms.durationProblem(late, LocalDate.of(2027, 3, 15))).isEmpty();
      assertThat(LoanTerms.durationProblem(late, LocalDate.of(2027, 3, 16))).isEqualTo(EXCESSIVE);
    }

    @Test
    void everyOffsetFromMinus10To140() {
      for (int days = -10; days <= 140; days++) {
        boolean fine = days >= 1 && days <= 120;
        assertThat(LoanTerms.durationProblem(PAYOUT, PAYOUT.plusDays(days)))
            .as("%d days", days)
            .isEqualTo(fine ? Optional.empty() : EXCESSIVE);
      }
    }

    @Test
    void nullDatesAreRefused() {
      assertThatThrownBy(() -> LoanTerms.durationProblem(null, PAYOUT))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> LoanTerms.durationProblem(PAYOUT, null))
          .isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class Amount {
    private static final long INVOICE = 1_000_000L;
    private static final long CAP = 500_000L;

    @Test
    void withinTheInvoiceAndTheCapIsFine() {
      assertThat(LoanTerms.amountProblem(1, INVOICE, CAP)).isEmpty();
      assertThat(LoanTerms.amountProblem(250_000, INVOICE, CAP)).isEmpty();
      assertThat(LoanTerms.amountProblem(CAP, INVOICE, CAP)).isEmpty();
      assertThat(LoanTerms.amountProblem(INVOICE, INVOICE, 2 * INVOICE)).isEmpty();
    }

    @Test
    void moreThanTheInvoice() {
      assertThat(LoanTerms.amountProblem(INVOICE + 1, INVOICE, 10 * INVOICE))
          .contains("AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT");
      assertThat(LoanTerms.amountProblem(1, 0, CAP)).contains("AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT");
    }

    @Test
    void moreThanTheCap() {
      assertThat(LoanTerms.amountProblem(CAP + 1, INVOICE, CAP))
          .contains("MAX_AMOUNT_EXCEEDED_BORROWER");
      assertThat(LoanTerms.amountProblem(1, INVOICE, 0)).contains("MAX_AMOUNT_EXCEEDED_BORROWER");
    }

    @Test
    void theInvoiceWinsWhenBothAreExceeded() {
      assertThat(LoanTerms.amountProblem(INVOICE + 1, INVOICE, CAP))
          .contains("AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT");
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "-9223372036854775808"})
    void nonPositiveAmountsAreInvalidWhateverElse(long amount) {
      assertThat(LoanTerms.amountProblem(amount, INVOICE, CAP)).contains("INVALID_AMOUNT");
      assertThat(LoanTerms.amountProblem(amount, -5, CAP)).contains("INVALID_AMOUNT");
      assertThat(LoanTerms.amountProblem(amount, INVOICE, 0)).contains("INVALID_AMOUNT");
    }

    @Test
    void extremeAmountsDoNotOverflow() {
      assertThat(LoanTerms.amountProblem(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE)).isEmpty();
      assertThat(LoanTerms.amountProblem(Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE))
          .contains("AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT");
      assertThat(LoanTerms.amountProblem(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1))
          .contains("MAX_AMOUNT_EXCEEDED_BORROWER");
    }

    @Test
    void aNegativeCapIsAConfigurationError() {
      assertThatThrownBy(() -> LoanTerms.amountProblem(100, INVOICE, -1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
    }

    @Test
    void matchesTheRuleOnAGrid() {
      long[] values = {-2, -1, 0, 1, 2, 3, 4};
      for (long amount : values) {
        for (long invoice : values) {
          for (long cap = 0; cap <= 4; cap++) {
            Optional<String> expected =
                amount <= 0
                    ? Optional.of("INVALID_AMOUNT")
                    : amount > invoice
                        ? Optional.of("AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT")
                        : amount > cap
                            ? Optional.of("MAX_AMOUNT_EXCEEDED_BORROWER")
                            : Optional.empty();
            assertThat(LoanTerms.amountProblem(amount, invoice, cap))
                .as("amount %d invoice %d cap %d", amount, invoice, cap)
                .isEqualTo(expected);
          }
        }
      }
    }
  }

  @Nested
  class Postponement {
    private final LocalDate current = PAYOUT.plusDays(30);

    @Test
    void aFirstPostponementWithinTheBoundsIsFine() {
      assertThat(LoanTerms.postponementProblem(PAYOUT, current, current.plusDays(1), false))
          .isEmpty();
      assertThat(LoanTerms.postponementProblem(PAYOUT, current, PAYOUT.plusDays(120), false))
          .isEmpty();
      assertThat(LoanTerms.isPostponement(current, current.plusDays(1))).isTrue();
    }

    @Test
    void aSecondPostponementIsRefused() {
      assertThat(LoanTerms.postponementProblem(PAYOUT, current, current.plusDays(1), true))
          .isEqualTo(ALREADY_USED);
      assertThat(LoanTerms.postponementProblem(PAYOUT, current, PAYOUT.plusDays(120), true))
          .isEqualTo(ALREADY_USED);
    }

    @Test
    void anEarlierDateIsAlwaysAllowedWithinTheBounds() {
      for (boolean postponed : new boolean[] {false, true}) {
        assertThat(LoanTerms.postponementProblem(PAYOUT, current, current.minusDays(1), postponed))
            .isEmpty();
        assertThat(LoanTerms.postponementProblem(PAYOUT, current, PAYOUT.plusDays(1), postponed))
            .isEmpty();
      }
      assertThat(LoanTerms.isPostponement(current, current.minusDays(1))).isFalse();
    }

    @Test
    void theSameDateIsNotAPostponement() {
      assertThat(LoanTerms.postponementProblem(PAYOUT, current, current, true)).isEmpty();
      assertThat(LoanTerms.isPostponement(current, current)).isFalse();
    }

    @Test
    void theBoundsComeFromThePayoutDayAndWinOverTheOnePostponement() {
      assertThat(LoanTerms.postponementProblem(PAYOUT, current, PAYOUT.plusDays(121), false))
          .isEqualTo(EXCESSIVE);
      assertThat(LoanTerms.postponementProblem(PAYOUT, current, PAYOUT.plusDays(121), true))
          .isEqualTo(EXCESSIVE);
      // Even a current date already at the limit cannot move 120 days past itself.
      LocalDate atLimit = PAYOUT.plusDays(120);
      assertThat(LoanTerms.postponementProblem(PAYOUT, atLimit, atLimit.plusDays(1), false))
          .isEqualTo(EXCESSIVE);
    }

    @Test
    void bringingTheDateForwardToThePayoutDayOrBeforeIsExcessive() {
      for (boolean postponed : new boolean[] {false, true}) {
        assertThat(LoanTerms.postponementProblem(PAYOUT, current, PAYOUT, postponed))
            .isEqualTo(EXCESSIVE);
        assertThat(LoanTerms.postponementProblem(PAYOUT, current, PAYOUT.minusDays(3), postponed))
            .isEqualTo(EXCESSIVE);
      }
    }

    @Test
    void matchesTheRuleForEveryNewDate() {
      for (int days = -5; days <= 130; days++) {
        LocalDate newDate = PAYOUT.plusDays(days);
        for (boolean postponed : new boolean[] {false, true}) {
          Optional<String> expected =
              days < 1 || days > 120
                  ? EXCESSIVE
                  : postponed && days > 30 ? ALREADY_USED : Optional.empty();
          assertThat(LoanTerms.postponementProblem(PAYOUT, current, newDate, postponed))
              .as("%d days, postponed %s", days, postponed)
              .isEqualTo(expected);
        }
      }
    }

    @Test
    void nullDatesAreRefused() {
      assertThatThrownBy(() -> LoanTerms.postponementProblem(PAYOUT, current, null, false))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> LoanTerms.postponementProblem(PAYOUT, null, current, false))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> LoanTerms.postponementProblem(null, current, current, false))
          .isInstanceOf(NullPointerException.class);
    }
  }
}
