package dev.avance.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.billing.BillLineKind;
import dev.avance.activities.billing.BillLineRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /bill/{id}'s lines: a loan's penalty is a line of its own, after its interest. */
class BillLinesTest {
  private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
  private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

  private static BillLineRow row(String loan, int penaltyDays, long penaltyCents) {
    return new BillLineRow(
        loan,
        APRIL_1,
        MAY_1,
        30,
        5_000_210,
        300_007,
        new BigDecimal("3150.1050"),
        new BigDecimal("5650.2100"),
        new BigDecimal("2500.1050"),
        2_500,
        false,
        penaltyDays,
        penaltyDays == 0 ? 0 : 4_800_203,
        penaltyDays == 0 ? BigDecimal.ZERO : new BigDecimal("960.0406"),
        penaltyCents);
  }

  @Test
  void aLateLoanHasAnInterestLineThenAPenaltyLine() {
    List<BillResponse.Line> lines =
        BillService.lines(List.of(row("loan-late", 29, 960), row("loan-ok", 0, 0)));

    assertThat(lines)
        .extracting(BillResponse.Line::kind, BillResponse.Line::loanId, BillResponse.Line::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BillLineKind.INTEREST, "loan-late", 2_500L),
            org.assertj.core.groups.Tuple.tuple(BillLineKind.PENALTY, "loan-late", 960L),
            org.assertj.core.groups.Tuple.tuple(BillLineKind.INTEREST, "loan-ok", 2_500L));
    BillResponse.Line penalty = lines.get(1);
    assertThat(penalty.days()).isEqualTo(29);
    assertThat(penalty.principalDays()).isEqualTo(4_800_203);
    assertThat(penalty.exactInterest()).isEqualTo("960.0406");
    assertThat(penalty.firstDay()).isEqualTo(APRIL_1);
    assertThat(penalty.lastDay()).isEqualTo(LocalDate.of(2026, 4, 30));
  }
}
