package dev.avance.workflows.loan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The borrower-level reasons that the decision declines with first and eligibility lists. */
class LoanDecisionTest {

  private static LoanAssessment assessment(String borrower, String line, boolean late) {
    return new LoanAssessment(borrower, line, late, false, null);
  }

  @Test
  void aReadyBorrowerWithAnActiveLineHasNoProblem() {
    assertThat(LoanDecision.borrowerProblems(assessment("READY", "ACTIVE", false))).isEmpty();
  }

  @Test
  void everyProblemIsListedInTheOrderToFixThem() {
    assertThat(LoanDecision.borrowerProblems(assessment("TO_SIGN", null, true)))
        .containsExactly(
            DenialReason.BORROWER_TO_SIGN,
            DenialReason.LATE_REPAYMENT_BORROWER,
            DenialReason.MISSING_DATA);
    assertThat(LoanDecision.borrowerProblems(assessment("REFUSED", "BLOCKED", false)))
        .containsExactly(DenialReason.BORROWER_STATUS, DenialReason.CREDIT_LINE_BLOCKED);
    assertThat(LoanDecision.borrowerProblems(assessment("READY", "EXPIRED", true)))
        .containsExactly(DenialReason.LATE_REPAYMENT_BORROWER, DenialReason.CREDIT_LINE_EXPIRED);
  }
}
