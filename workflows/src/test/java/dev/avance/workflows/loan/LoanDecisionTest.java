package dev.avance.workflows.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The loan's decision: the T&Cs' version, and the borrower-level reasons eligibility lists. */
class LoanDecisionTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final RepaymentSetup SCT = new RepaymentSetup("SCT", null, null, null, "FR76");
  private static final RequestLoan REQUEST =
      new RequestLoan(
          "loan-1",
          "platform-1",
          "borrower-1",
          "salt",
          "hash",
          50_000,
          new Invoice("F-1", 60_000, TODAY.minusDays(3), TODAY.plusDays(60), "Debtor", "1"),
          null,
          new BankAccount("FR1420041010050500013M02606", "PSSTFRPPPAR"),
          TODAY,
          TODAY.plusDays(30),
          true,
          null,
          LoanPolicy.DEFAULT);

  private static LoanAssessment assessment(Boolean termsOutdated) {
    return new LoanAssessment("READY", "ACTIVE", false, false, SCT, termsOutdated);
  }

  @Test
  void aBorrowerWhoseTermsAreOutdatedSignsAgainFirst() {
    assertThat(LoanDecision.denial(assessment(true), REQUEST, TODAY))
        .contains(DenialReason.TERMS_NOT_ACCEPTED);
  }

  @Test
  void currentTermsAndAssessmentsFromBeforeVersionsDenyNothing() {
    assertThat(LoanDecision.denial(assessment(false), REQUEST, TODAY)).isEmpty();
    assertThat(LoanDecision.denial(assessment(null), REQUEST, TODAY)).isEmpty();
  }

  private static LoanAssessment borrower(String status, String line, boolean late) {
    return new LoanAssessment(status, line, late, false, null);
  }

  @Test
  void aReadyBorrowerWithAnActiveLineHasNoProblem() {
    assertThat(LoanDecision.borrowerProblems(borrower("READY", "ACTIVE", false))).isEmpty();
  }

  @Test
  void everyBorrowerProblemIsListedInTheOrderToFixThem() {
    assertThat(LoanDecision.borrowerProblems(borrower("TO_SIGN", null, true)))
        .containsExactly(
            DenialReason.BORROWER_TO_SIGN,
            DenialReason.LATE_REPAYMENT_BORROWER,
            DenialReason.MISSING_DATA);
    assertThat(LoanDecision.borrowerProblems(borrower("REFUSED", "BLOCKED", false)))
        .containsExactly(DenialReason.BORROWER_STATUS, DenialReason.CREDIT_LINE_BLOCKED);
    assertThat(LoanDecision.borrowerProblems(borrower("READY", "EXPIRED", true)))
        .containsExactly(DenialReason.LATE_REPAYMENT_BORROWER, DenialReason.CREDIT_LINE_EXPIRED);
    assertThat(
            LoanDecision.borrowerProblems(
                new LoanAssessment("READY", "ACTIVE", false, false, null, true)))
        .containsExactly(DenialReason.TERMS_NOT_ACCEPTED);
  }
}
