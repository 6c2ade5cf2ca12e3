package dev.avance.workflows.loan;

import dev.avance.workflows.borrower.Done;
import io.temporal.activity.ActivityInterface;

/**
 * The loan's read model, run as local activities: short idempotent database writes that cost one
 * history event each instead of a round trip through the task queue.
 */
@ActivityInterface
public interface LoanActivities {

  Done register(RegisterLoan command);

  LoanAssessment assess(AssessLoan query);

  Done recordStatus(LoanStatusChange change);

  /** Several status changes in one transaction, as a loan records them before it waits. */
  Done recordStatuses(LoanStatusChanges changes);
}
