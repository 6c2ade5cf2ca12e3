package dev.avance.workflows.billing;

import static dev.avance.workflows.common.WorkflowTime.now;

import dev.avance.workflows.common.ActivityPolicies;
import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.common.WorkflowTime;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentRef;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import dev.avance.workflows.rules.LoanReferences;
import dev.avance.workflows.rules.TargetCalendar;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * A period's billing run: GENERATE (one bulk activity computes every loan's interest from its
 * principal timeline and writes the bills), ISSUE (page by page: platform bills TO_PAY, borrowers'
 * bills debited), COLLECT (page by page: the debits' outcomes; a paid bill closes its loans), CLOSE
 * (a last sweep of loans whose fees are all paid). Pages keep the history bounded; the run
 * continues as new every {@link BillingPolicy#maxPagesPerRun} pages or when Temporal suggests it,
 * carrying its phase and cursor. Every activity is idempotent by business key, so a failed run
 * started again redoes nothing already done.
 */
public class BillingWorkflowImpl implements BillingWorkflow {
  private static final Logger log = Workflow.getLogger(BillingWorkflowImpl.class);

  private final BillingActivities billing =
      Workflow.newActivityStub(
          BillingActivities.class,
          // The bulk computation over every loan is one transaction: minutes, not seconds, for
          // millions of loans; a shorter timeout would retry it forever.
          ActivityPolicies.persistent(Duration.ofMinutes(15), "Bills read model"));
  private final PaymentActivities bank =
      Workflow.newActivityStub(
          PaymentActivities.class,
          ActivityPolicies.persistent(
              Duration.ofSeconds(30), "Send the bill's direct debit to the bank"));
  private final PaymentActivities settlement =
      Workflow.newActivityStub(
          PaymentActivities.class, ActivityPolicies.settlement("Wait for the bill's direct debit"));

  private final BillingPolicy policy;
  private YearMonth period;
  private BillingPhase phase;
  private String cursor;
  private BillingTotals totals;

  @WorkflowInit
  public BillingWorkflowImpl(BillingRun input) {
    this.policy = input.policy() == null ? BillingPolicy.DEFAULT : input.policy();
    this.period = input.period();
    this.phase = input.phase() == null ? BillingPhase.GENERATE : input.phase();
    this.cursor = input.cursor();
    this.totals = input.totals() == null ? BillingTotals.ZERO : input.totals();
  }

  @Override
  public BillingResult run(BillingRun ignored) {
    if (period == null) {
      return runPeriodOfSchedule();
    }
    int pages = 0;
    if (phase == BillingPhase.GENERATE) {
      totals =
          totals.generated(
              billing.generate(
                  new GenerateBills(period, now(), policy.collectionLeadBusinessDays())));
      next(BillingPhase.ISSUE);
    }
    while (phase == BillingPhase.ISSUE) {
      IssuedBills page = billing.issue(new IssueBills(period, cursor, policy.pageSize(), now()));
      List<InstructedDebit> instructed = instruct(page.debits());
      if (!instructed.isEmpty()) {
        billing.debitsInstructed(new DebitsInstructed(instructed, now()));
      }
      totals = totals.issued(page.issued(), instructed.size());
      cursor = page.lastBillId();
      if (!page.more()) {
        next(BillingPhase.COLLECT);
      }
      pages = pageDone(pages);
    }
    while (phase == BillingPhase.COLLECT) {
      BillsToCollect page = billing.toCollect(new CollectPage(period, cursor, policy.pageSize()));
      List<BillPayment> outcomes = awaitOutcomes(page.bills());
      if (!outcomes.isEmpty()) {
        totals = totals.collected(billing.recordPayments(new RecordPayments(outcomes, now())));
      }
      cursor = page.lastBillId();
      if (!page.more()) {
        next(BillingPhase.CLOSE);
      }
      pages = pageDone(pages);
    }
    totals = totals.closed(billing.closeSettledLoans(new CloseSettledLoans(now())).loans());
    describe();
    return new BillingResult(period, totals, null);
  }

  /**
   * The schedule's run: its arguments are fixed, so it bills the month before the one it starts in
   * through that period's own run, {@code billing-YYYY-MM}, and returns its result. If the period's
   * run was already started (by an operator, or a previous trigger), that one is the period's run.
   */
  private BillingResult runPeriodOfSchedule() {
    YearMonth previous = YearMonth.from(WorkflowTime.today()).minusMonths(1);
    period = previous;
    Workflow.setCurrentDetails("Starts the run of " + previous + ": " + workflowId(previous));
    BillingWorkflow periodRun =
        Workflow.newChildWorkflowStub(
            BillingWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.BILLING)
                .setWorkflowId(BillingWorkflow.workflowId(previous))
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                // The period's run goes on even if this one is terminated.
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setStaticSummary(BillingWorkflow.summary(previous))
                .build());
    try {
      return periodRun.run(BillingRun.of(previous, policy));
    } catch (ChildWorkflowFailure e) {
      if (e.getCause() instanceof WorkflowExecutionAlreadyStarted) {
        log.info("The run of {} was already started; nothing more to do", previous);
        return new BillingResult(
            previous, BillingTotals.ZERO, workflowId(previous) + " was already started");
      }
      throw e;
    }
  }

  /** Sends the page's debits to the bank together; each payment id is sent at most once. */
  private List<InstructedDebit> instruct(List<BillDebit> debits) {
    List<Promise<PaymentView>> sent = new ArrayList<>(debits.size());
    for (BillDebit debit : debits) {
      LocalDate collection =
          TargetCalendar.addBusinessDays(debit.billDate(), policy.collectionLeadBusinessDays());
      sent.add(
          Async.function(
              bank::instruct,
              new InstructPayment(
                  paymentId(debit.billId()),
                  // The payment's subject: for a bill's debit, the bill (payments.loan_id).
                  debit.billId(),
                  debit.platformId(),
                  debit.borrowerId(),
                  PaymentType.DIRECT_DEBIT,
                  debit.amountCents(),
                  debit.iban(),
                  debit.bic(),
                  debit.mandateReference(),
                  LoanReferences.remittanceReference(debit.billId()),
                  collection,
                  now())));
    }
    // A debit the bank refuses for good fails the run: its bill stays VALIDATED, and starting
    // the period again sends it (the others are not sent twice).
    List<InstructedDebit> instructed = new ArrayList<>(debits.size());
    for (int i = 0; i < debits.size(); i++) {
      instructed.add(new InstructedDebit(debits.get(i).billId(), sent.get(i).get().paymentId()));
    }
    return instructed;
  }

  private List<BillPayment> awaitOutcomes(List<InstructedDebit> bills) {
    List<Promise<PaymentView>> waits = new ArrayList<>(bills.size());
    for (InstructedDebit bill : bills) {
      waits.add(Async.function(settlement::awaitOutcome, new PaymentRef(bill.paymentId())));
    }
    List<BillPayment> outcomes = new ArrayList<>(bills.size());
    for (int i = 0; i < bills.size(); i++) {
      PaymentView view = waits.get(i).get();
      outcomes.add(
          new BillPayment(
              bills.get(i).billId(),
              view.paymentId(),
              view.status(),
              view.paidAt(),
              view.failureReason()));
    }
    return outcomes;
  }

  /** The payment id of a bill's direct debit: one per bill, whatever is retried. */
  public static String paymentId(String billId) {
    return "bill-" + billId + ":debit";
  }

  private void next(BillingPhase newPhase) {
    phase = newPhase;
    cursor = null;
    describe();
  }

  /** Counts a page; continues as new when the history has grown enough and work remains. */
  private int pageDone(int pages) {
    describe();
    int done = pages + 1;
    boolean workLeft = phase == BillingPhase.ISSUE || phase == BillingPhase.COLLECT;
    if (workLeft
        && (done >= policy.maxPagesPerRun() || Workflow.getInfo().isContinueAsNewSuggested())) {
      Workflow.continueAsNew(new BillingRun(period, phase, cursor, totals, policy));
    }
    return done;
  }

  private void describe() {
    Workflow.setCurrentDetails(
        "**Period:** "
            + period
            + "  **Phase:** "
            + phase
            + "\n\n**Bills:** "
            + totals.billsGenerated()
            + " (lines: "
            + totals.linesGenerated()
            + ", "
            + totals.billedCents() / 100
            + "."
            + String.format("%02d", totals.billedCents() % 100)
            + " EUR)  **Issued:** "
            + totals.billsIssued()
            + "  **Debits:** "
            + totals.debitsInstructed()
            + "  **Paid:** "
            + totals.billsPaid()
            + "  **Failed payments:** "
            + totals.paymentsFailed()
            + "  **Loans closed:** "
            + totals.loansClosed());
  }

  @Override
  public BillingProgress progress() {
    return new BillingProgress(period, phase, cursor, totals);
  }

  private static String workflowId(YearMonth period) {
    return BillingWorkflow.workflowId(period);
  }
}
