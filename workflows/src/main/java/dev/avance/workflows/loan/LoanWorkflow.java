package dev.avance.workflows.loan;

import dev.avance.workflows.common.AvanceSearchAttributes;
import dev.avance.workflows.common.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.ZoneOffset;

/** One workflow per loan, from the click on "Cash in now" to the last cent. */
@WorkflowInterface
public interface LoanWorkflow {

  /** How long wait_for_validation holds an answer; past it the caller gets the current status. */
  Duration DECISION_WAIT = Duration.ofSeconds(25);

  static String workflowId(String loanId) {
    return "loan-" + loanId;
  }

  /**
   * How a loan's workflow is started. The workflow id comes from the loan id, itself derived from
   * (platform, salt_id), so concurrent duplicates of a request meet on one workflow.
   */
  static WorkflowOptions startOptions(RequestLoan input) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.LOANS)
        .setWorkflowId(workflowId(input.loanId()))
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        // A loan id names one loan forever: never a second run after the first has ended.
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(AvanceSearchAttributes.PLATFORM_ID, input.platformId())
                .set(AvanceSearchAttributes.BORROWER_ID, input.borrowerId())
                .set(AvanceSearchAttributes.LOAN_STATUS, LoanStatus.SUBMITTED.name())
                .set(AvanceSearchAttributes.LOAN_AMOUNT_CENTS, input.amountCents())
                .set(
                    AvanceSearchAttributes.LOAN_DUE_DATE,
                    input.toRepayAt().atStartOfDay().atOffset(ZoneOffset.UTC))
                .set(AvanceSearchAttributes.LOAN_IS_LATE, false)
                .build())
        .setStaticSummary(
            "Loan of "
                + input.amountCents() / 100
                + "."
                + String.format("%02d", input.amountCents() % 100)
                + " EUR on invoice "
                + input.invoice().number()
                + ", due "
                + input.toRepayAt())
        .build();
  }

  @WorkflowMethod
  LoanState run(RequestLoan input);

  @UpdateMethod
  LoanState awaitDecision(AwaitDecision request);

  @UpdateValidatorMethod(updateName = "awaitDecision")
  void validateAwaitDecision(AwaitDecision request);

  /** The borrower's consent to a loan in TO_VALIDATE. */
  @UpdateMethod
  LoanState validate(LoanCommand request);

  @UpdateValidatorMethod(updateName = "validate")
  void validateValidate(LoanCommand request);

  @UpdateMethod
  LoanState cancel(LoanCommand request);

  @UpdateValidatorMethod(updateName = "cancel")
  void validateCancel(LoanCommand request);

  @UpdateMethod
  LoanState changeDueDate(ChangeDueDate request);

  @UpdateValidatorMethod(updateName = "changeDueDate")
  void validateChangeDueDate(ChangeDueDate request);

  @SignalMethod
  void transferReceived(TransferReceived transfer);

  /**
   * The borrower chose another repayment method for its active loans; a loan whose direct debit is
   * already with the bank keeps it.
   */
  @SignalMethod
  void repaymentMethodChanged(RepaymentSetup setup);

  /**
   * The bank's files say a direct debit of this loan that had settled was returned: the loan takes
   * the principal back, and waits for a transfer.
   */
  @SignalMethod
  void debitReturned(DebitReturned returned);

  /**
   * Billing settled the loan's fees (its interest all billed and paid): a loan in TO_REPAY_FEES
   * closes, and its workflow ends. Sent again, or to an ended loan, it changes nothing.
   */
  @SignalMethod
  void feesSettled(FeesSettled settled);

  /**
   * An operator wrote the loan off, committed in the books: no more reminders or collections
   * stages; money that still comes is applied (the books make it recovery) and the loan ends CLOSED
   * once its principal is recovered. Sent again, it changes nothing.
   */
  @SignalMethod
  void writtenOff(WrittenOff writtenOff);

  @QueryMethod
  LoanState state();
}
