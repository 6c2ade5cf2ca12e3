package dev.avance.workflows.loan;

import dev.avance.workflows.rules.LoanTerms;
import java.time.LocalDate;
import java.util.Optional;

/** Why a loan request is declined before any credit is reserved, if it is. */
public final class LoanDecision {
  private LoanDecision() {}

  /** The first denial reason, in the order a platform would fix them; empty to go on. */
  public static Optional<String> denial(
      LoanAssessment assessment, RequestLoan request, LocalDate payoutDay) {
    String borrower = assessment.borrowerStatus();
    if (!"READY".equals(borrower)) {
      return Optional.of(
          "TO_SIGN".equals(borrower) || "SUBMITTED".equals(borrower) || "SIGNED".equals(borrower)
              ? "BORROWER_TO_SIGN"
              : "BORROWER_STATUS");
    }
    if (assessment.borrowerLate()) {
      return Optional.of("LATE_REPAYMENT_BORROWER");
    }
    if (assessment.creditLineStatus() == null) {
      return Optional.of("MISSING_DATA");
    }
    if ("EXPIRED".equals(assessment.creditLineStatus())) {
      return Optional.of("CREDIT_LINE_EXPIRED");
    }
    if ("BLOCKED".equals(assessment.creditLineStatus())) {
      return Optional.of("CREDIT_LINE_BLOCKED");
    }
    if (assessment.invoiceAlreadyFinanced()) {
      return Optional.of("INVOICE_ALREADY_FINANCED");
    }
    Optional<String> duration = LoanTerms.durationProblem(payoutDay, request.toRepayAt());
    if (duration.isPresent()) {
      return duration;
    }
    LoanPolicy policy = request.policy() == null ? LoanPolicy.DEFAULT : request.policy();
    return LoanTerms.amountProblem(
        request.amountCents(), request.invoice().amountCents(), policy.perLoanCapCents());
  }
}
