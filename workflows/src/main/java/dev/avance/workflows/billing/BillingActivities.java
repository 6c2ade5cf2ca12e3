package dev.avance.workflows.billing;

import dev.avance.workflows.borrower.Done;
import io.temporal.activity.ActivityInterface;

/**
 * The bills' side effects. Every method is idempotent by its business key, (payer, period) for a
 * bill and (loan, period) for a line, so that a retried activity or a rerun of a period changes
 * nothing twice.
 */
@ActivityInterface
public interface BillingActivities {

  /**
   * Computes the period's interest of every paid-out loan in bulk, from its principal timeline, and
   * writes the bills (GENERATED) and their lines in one transaction. A loan already billed for the
   * period (or a later one) is left out, so a second call writes nothing.
   */
  BillsGenerated generate(GenerateBills command);

  /**
   * Issues the next page of the period's GENERATED or VALIDATED bills: a zero bill is PAID, a
   * platform's bill (or a borrower's without a mandate) TO_PAY, a borrower's bill VALIDATED and
   * returned as a debit to instruct.
   */
  IssuedBills issue(IssueBills command);

  /** Marks the bills TO_PAY with the payment collecting each. */
  Done debitsInstructed(DebitsInstructed command);

  /** The next page of the period's bills whose debit has no outcome yet. */
  BillsToCollect toCollect(CollectPage query);

  PaymentsRecorded recordPayments(RecordPayments command);

  LoansClosed closeSettledLoans(CloseSettledLoans command);
}
