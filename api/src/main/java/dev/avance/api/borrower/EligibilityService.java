package dev.avance.api.borrower;

import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.borrower.BorrowerRow;
import dev.avance.activities.credit.CreditLineRepository;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.platform.Platform;
import dev.avance.activities.terms.TermsCatalogue;
import dev.avance.activities.terms.TermsRepository;
import dev.avance.api.error.ApiException;
import dev.avance.workflows.credit.CreditLineStatus;
import dev.avance.workflows.credit.CreditLineView;
import dev.avance.workflows.loan.DenialReason;
import dev.avance.workflows.loan.LoanAssessment;
import dev.avance.workflows.loan.LoanDecision;
import dev.avance.workflows.rules.CreditScoring;
import dev.avance.workflows.rules.LoanTerms;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * "Can this borrower request a loan now?" in one call, by the rules the loan's decision and its
 * credit reservation apply ({@link LoanDecision#borrowerProblems} and the line's balance), so that
 * the answer and a loan requested right after it never disagree.
 */
@Service
public class EligibilityService {
  private final BorrowerRepository borrowers;
  private final CreditLineRepository creditLines;
  private final LoanRepository loans;
  private final TermsRepository terms;
  private final TermsCatalogue catalogue;
  private final Clock clock;

  public EligibilityService(
      BorrowerRepository borrowers,
      CreditLineRepository creditLines,
      LoanRepository loans,
      TermsRepository terms,
      TermsCatalogue catalogue,
      Clock clock) {
    this.borrowers = borrowers;
    this.creditLines = creditLines;
    this.loans = loans;
    this.terms = terms;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  public EligibilityResponse eligibility(Platform platform, String borrowerId) {
    BorrowerRow borrower =
        borrowers
            .findById(platform.id(), borrowerId)
            .orElseThrow(() -> ApiException.notFound("Borrower " + borrowerId));
    Instant now = clock.instant();
    Optional<CreditLineView> line = creditLines.findByBorrower(platform.id(), borrowerId);
    String lineStatus = line.map(l -> status(l, now)).orElse(null);
    List<DenialReason> problems =
        new ArrayList<>(
            LoanDecision.borrowerProblems(
                new LoanAssessment(
                    borrower.status(),
                    lineStatus,
                    loans.borrowerHasLateLoan(borrowerId),
                    false,
                    null,
                    termsOutdated(borrower))));
    long maximum =
        line.filter(l -> CreditLineStatus.ACTIVE.name().equals(lineStatus))
            .map(
                l ->
                    Math.max(
                        0,
                        Math.min(
                            l.availableAmountCents(),
                            Math.min(CreditScoring.PER_LOAN_CAP_CENTS, l.maxAmountCents()))))
            .orElse(0L);
    if (line.isPresent() && problems.isEmpty() && maximum < LoanTerms.MIN_AMOUNT_CENTS) {
      problems.add(DenialReason.AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE);
    }
    return new EligibilityResponse(
        borrowerId,
        problems.isEmpty(),
        problems.stream()
            .map(r -> new EligibilityResponse.Reason(r.code(), description(r)))
            .toList(),
        LoanTerms.MIN_AMOUNT_CENTS,
        problems.isEmpty() ? maximum : 0,
        now);
  }

  /** As the loan's assessment reads it: signed, but a version older than the current one. */
  private boolean termsOutdated(BorrowerRow borrower) {
    return borrower.signedAt() != null
        && terms
            .acceptedVersion(borrower.id(), borrower.signedAt(), catalogue)
            .map(v -> !v.equals(catalogue.current()))
            .orElse(false);
  }

  /**
   * The reservation's view of the line: a line past its expiry is expired, whatever its row says.
   */
  private static String status(CreditLineView line, Instant now) {
    if (line.status() == CreditLineStatus.ACTIVE && !line.expiresAt().isAfter(now)) {
      return CreditLineStatus.EXPIRED.name();
    }
    return line.status().name();
  }

  private static String description(DenialReason reason) {
    switch (reason) {
      case BORROWER_TO_SIGN:
        return "The borrower has not signed the T&Cs yet.";
      case BORROWER_STATUS:
        return "The borrower's onboarding is not complete or it was refused.";
      case TERMS_NOT_ACCEPTED:
        return "The T&Cs changed since the borrower signed; it must sign the current version.";
      case LATE_REPAYMENT_BORROWER:
        return "A loan of this borrower is late; it must be repaid first.";
      case MISSING_DATA:
        return "The borrower has no credit line yet.";
      case CREDIT_LINE_EXPIRED:
        return "The credit line expired; new financial data rescores and reopens it.";
      case CREDIT_LINE_BLOCKED:
        return "The credit line is blocked.";
      case AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE:
        return "Nothing is left to borrow on the credit line until loans are repaid.";
      default:
        return reason.code();
    }
  }
}
