package dev.avance.workflows.loan;

import dev.avance.workflows.rules.LoanTerms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Why a loan request is declined before any credit is reserved, if it is. */
public final class LoanDecision {
  private LoanDecision() {}

  /** The first denial reason, in the order a platform would fix them; empty to go on. */
  public static Optional<DenialReason> denial(
      LoanAssessment assessment, RequestLoan request, LocalDate payoutDay) {
    List<DenialReason> borrower = borrowerProblems(assessment);
    if (!borrower.isEmpty()) {
      return Optional.of(borrower.get(0));
    }
    if (assessment.invoiceAlreadyFinanced()) {
      return Optional.of(DenialReason.INVOICE_ALREADY_FINANCED);
    }
    Optional<DenialReason> duration = termsProblem(request, payoutDay, request.toRepayAt());
    if (duration.isPresent()) {
      return duration;
    }
    LoanPolicy policy = request.policy() == null ? LoanPolicy.DEFAULT : request.policy();
    return LoanTerms.amountProblem(
            request.amountCents(), request.invoice().amountCents(), policy.perLoanCapCents())
        .map(DenialReason::valueOf);
  }

  /**
   * Every reason, in the order a platform would fix them, why no loan at all can be granted to this
   * borrower now, whatever the invoice and terms: the borrower's status, its lateness and its
   * credit line. The decision declines with the first; eligibility lists them all.
   */
  public static List<DenialReason> borrowerProblems(LoanAssessment assessment) {
    List<DenialReason> problems = new ArrayList<>();
    String borrower = assessment.borrowerStatus();
    if (!"READY".equals(borrower)) {
      problems.add(
          "TO_SIGN".equals(borrower) || "SUBMITTED".equals(borrower) || "SIGNED".equals(borrower)
              ? DenialReason.BORROWER_TO_SIGN
              : DenialReason.BORROWER_STATUS);
    }
    if (Boolean.TRUE.equals(assessment.termsOutdated())) {
      problems.add(DenialReason.TERMS_NOT_ACCEPTED);
    }
    if (assessment.borrowerLate()) {
      problems.add(DenialReason.LATE_REPAYMENT_BORROWER);
    }
    if (assessment.creditLineStatus() == null) {
      problems.add(DenialReason.MISSING_DATA);
    } else if ("EXPIRED".equals(assessment.creditLineStatus())) {
      problems.add(DenialReason.CREDIT_LINE_EXPIRED);
    } else if ("BLOCKED".equals(assessment.creditLineStatus())) {
      problems.add(DenialReason.CREDIT_LINE_BLOCKED);
    }
    return problems;
  }

  /**
   * The 1 to 120 days rule for a loan paid out on {@code payoutDay}: checked at the decision and
   * again at consent and payout, since both can come after the day the request was made for.
   */
  public static Optional<DenialReason> termsProblem(
      RequestLoan request, LocalDate payoutDay, LocalDate toRepayAt) {
    if (request.toPayAt() != null && toRepayAt.isBefore(request.toPayAt())) {
      return Optional.of(DenialReason.EXCESSIVE_DURATION_LOAN_REQUEST);
    }
    return LoanTerms.durationProblem(payoutDay, toRepayAt).map(DenialReason::valueOf);
  }
}
