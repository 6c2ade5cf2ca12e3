package dev.avance.workflows.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The T&Cs' version in the loan's decision. */
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
}
