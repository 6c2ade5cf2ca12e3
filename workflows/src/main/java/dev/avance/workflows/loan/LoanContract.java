package dev.avance.workflows.loan;

import dev.avance.workflows.common.ActivityPolicies;
import dev.avance.workflows.document.DocumentActivities;
import dev.avance.workflows.document.DocumentIssued;
import dev.avance.workflows.document.IssueContract;
import dev.avance.workflows.document.MailDocument;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * The loan's contract, issued once the loan is VALIDATED and then mailed to the borrower. Both run
 * beside the loan rather than in its way: the payout never waits for a PDF or a mail server.
 */
final class LoanContract {
  private static final Logger log = Workflow.getLogger(LoanContract.class);

  static final String LOAN_CONTRACT = "loan-contract";

  private final DocumentActivities documents =
      Workflow.newActivityStub(
          DocumentActivities.class,
          ActivityPolicies.persistent(Duration.ofMinutes(1), "Issue and mail the loan contract"));

  private Promise<Void> issued;

  /** Starts issuing the contract of a loan validated at {@code at}; loans before it have none. */
  void issue(RequestLoan input, Instant at) {
    if (Workflow.getVersion(LOAN_CONTRACT, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    issued =
        Async.procedure(
            () -> {
              try {
                DocumentIssued contract =
                    documents.issueContract(
                        new IssueContract(
                            input.loanId(), input.platformId(), input.borrowerId(), at));
                documents.mailDocument(new MailDocument(contract.documentId()));
              } catch (ActivityFailure e) {
                // Only a non-retryable failure gets here (the loan's row is gone): the loan goes
                // on without its contract rather than fail.
                log.warn("Loan {} has no contract: {}", input.loanId(), e.getMessage());
              }
            });
  }

  /**
   * Waits until the contract is issued and mailed, once the loan's last status is written. The loan
   * ends only after that: a completion that raced an activity's result would be refused and its
   * workflow task, local activities and all, run again.
   */
  void awaitIssued() {
    if (issued != null) {
      issued.get();
    }
  }
}
