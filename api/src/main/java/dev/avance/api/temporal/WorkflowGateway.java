package dev.avance.api.temporal;

import dev.avance.workflows.billing.BillingRun;
import dev.avance.workflows.billing.BillingWorkflow;
import dev.avance.workflows.borrower.AddRepaymentMethod;
import dev.avance.workflows.borrower.AwaitRegistration;
import dev.avance.workflows.borrower.BorrowerState;
import dev.avance.workflows.borrower.BorrowerWorkflow;
import dev.avance.workflows.borrower.OnboardBorrower;
import dev.avance.workflows.borrower.RepaymentMethodView;
import dev.avance.workflows.borrower.SignTerms;
import dev.avance.workflows.borrower.SubmitFinancialData;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.loan.AwaitDecision;
import dev.avance.workflows.loan.ChangeDueDate;
import dev.avance.workflows.loan.DebitReturned;
import dev.avance.workflows.loan.LoanCommand;
import dev.avance.workflows.loan.LoanRefusal;
import dev.avance.workflows.loan.LoanState;
import dev.avance.workflows.loan.LoanWorkflow;
import dev.avance.workflows.loan.RequestLoan;
import dev.avance.workflows.loan.WrittenOff;
import dev.avance.workflows.payment.AssignCredit;
import dev.avance.workflows.payment.CreditAssignment;
import dev.avance.workflows.payment.CreditAssignmentWorkflow;
import dev.avance.workflows.payment.IncomingCredit;
import dev.avance.workflows.payment.IncomingCreditWorkflow;
import dev.avance.workflows.refund.RefundOutcome;
import dev.avance.workflows.refund.RefundRequest;
import dev.avance.workflows.refund.RefundWorkflow;
import dev.avance.workflows.webhook.WebhookDelivery;
import dev.avance.workflows.webhook.WebhookDeliveryWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** The one owner of the {@link WorkflowClient}: every start, update, signal and query goes here. */
@Service
public class WorkflowGateway {
  /** An assignment is two database steps and a signal: seconds at most while Temporal is up. */
  private static final Duration ASSIGNMENT_WAIT = Duration.ofSeconds(30);

  /** How long a request waits for a lost connection to Temporal before it answers 503. */
  private static final Duration CONNECT_WAIT = Duration.ofMillis(1000);

  private final WorkflowClient client;
  private final Duration decisionWait;
  private final TemporalReachability reachability;

  @Autowired
  public WorkflowGateway(WorkflowClient client) {
    this(client, LoanWorkflow.DECISION_WAIT);
  }

  WorkflowGateway(WorkflowClient client, Duration decisionWait) {
    this.client = client;
    this.decisionWait = decisionWait;
    this.reachability =
        new TemporalReachability(client.getWorkflowServiceStubs().getRawChannel(), CONNECT_WAIT);
  }

  /** Starts the borrower's workflow and waits until the borrower is recorded. */
  public BorrowerState onboardBorrower(
      OnboardBorrower input, String requestId, boolean waitForReady) throws DuplicateIdentifier {
    reachability.check();
    BorrowerWorkflow stub =
        client.newWorkflowStub(BorrowerWorkflow.class, BorrowerWorkflow.startOptions(input));
    try {
      return WorkflowClient.executeUpdateWithStart(
          stub::awaitRegistration,
          new AwaitRegistration(requestId, waitForReady),
          UpdateOptions.<BorrowerState>newBuilder()
              .setUpdateId(requestId)
              .setWaitForStage(WorkflowUpdateStage.COMPLETED)
              .build(),
          new WithStartWorkflowOperation<>(stub::run, input));
    } catch (WorkflowUpdateException e) {
      if (e.getCause() instanceof ApplicationFailure failure
          && FailureType.DUPLICATE_IDENTIFIER.type().equals(failure.getType())) {
        throw new DuplicateIdentifier(failure.getDetails().get(String.class));
      }
      throw e;
    }
  }

  /** Accepts the borrower's T&Cs; waits as the request says. */
  public BorrowerState sign(String borrowerId, SignTerms request) throws Rejected {
    reachability.check();
    return update(borrowerId, () -> borrower(borrowerId).sign(request));
  }

  public RepaymentMethodView addRepaymentMethod(String borrowerId, AddRepaymentMethod request)
      throws Rejected {
    reachability.check();
    return update(borrowerId, () -> borrower(borrowerId).addRepaymentMethod(request));
  }

  public BorrowerState submitFinancialData(String borrowerId, SubmitFinancialData request)
      throws Rejected {
    reachability.check();
    return update(borrowerId, () -> borrower(borrowerId).submitFinancialData(request));
  }

  /**
   * Starts the loan's workflow, or joins it when the same (platform, salt_id) already did, and
   * answers as {@code waitForDecision} says: null when no decision came within {@link
   * LoanWorkflow#DECISION_WAIT}, and the caller reads the loan as it is. A different body under the
   * same salt_id is {@link Rejected} by the workflow's validator.
   */
  public LoanState requestLoan(RequestLoan input, boolean waitForDecision)
      throws Rejected, AlreadyEnded {
    reachability.check();
    LoanWorkflow stub =
        client.newWorkflowStub(LoanWorkflow.class, LoanWorkflow.startOptions(input));
    try {
      WorkflowUpdateHandle<LoanState> decision =
          WorkflowClient.startUpdateWithStart(
              stub::awaitDecision,
              new AwaitDecision(input.requestHash(), waitForDecision),
              UpdateOptions.<LoanState>newBuilder()
                  .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                  .build(),
              new WithStartWorkflowOperation<>(stub::run, input));
      // Bounded here, not by a timer in the workflow: a timer would cost every loan a task.
      return decision.getResult(decisionWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (WorkflowUpdateTimeoutOrCancelledException stillDeciding) {
      return null;
    } catch (WorkflowUpdateException e) {
      throw rejected(e);
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new AlreadyEnded();
    }
  }

  public LoanState validateLoan(String loanId, LoanCommand command) throws Rejected {
    reachability.check();
    return update(loanId, () -> loan(loanId).validate(command));
  }

  public LoanState cancelLoan(String loanId, LoanCommand command) throws Rejected {
    reachability.check();
    return update(loanId, () -> loan(loanId).cancel(command));
  }

  public LoanState changeDueDate(String loanId, ChangeDueDate command) throws Rejected {
    reachability.check();
    return update(loanId, () -> loan(loanId).changeDueDate(command));
  }

  /** Starts the reconciliation of a credit the bank received; once per bank reference. */
  public void reconcile(IncomingCredit credit) {
    IncomingCreditWorkflow stub =
        client.newWorkflowStub(
            IncomingCreditWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.LOANS)
                .setWorkflowId(IncomingCreditWorkflow.workflowId(credit.bankReference()))
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setStaticSummary("Incoming transfer of " + credit.amountCents() + " cents")
                .build());
    try {
      WorkflowClient.start(stub::reconcile, credit);
    } catch (WorkflowExecutionAlreadyStarted alreadyReconciling) {
      // The same credit reported twice: one reconciliation is enough.
    }
  }

  /**
   * Tells a loan that a direct debit of it, settled before, was returned. False when the loan's
   * workflow is no longer running (its return window had passed): operators take it from there.
   */
  public boolean debitReturned(String loanId, DebitReturned returned) {
    try {
      loan(loanId).debitReturned(returned);
      return true;
    } catch (WorkflowNotFoundException ended) {
      return false;
    }
  }

  /**
   * Tells a loan it was written off. False when its workflow has ended: nothing left to stop.
   * Sending it again is harmless: the loan takes one write-off.
   */
  public boolean writtenOff(String loanId, WrittenOff writtenOff) {
    try {
      loan(loanId).writtenOff(writtenOff);
      return true;
    } catch (WorkflowNotFoundException ended) {
      return false;
    }
  }

  /**
   * Starts the refund of a credit, or joins the one started before; waits up to {@code wait} for
   * its outcome. Empty while it runs. A refund refused for good (nothing to refund) is a Rejected.
   */
  public Optional<RefundOutcome> refund(RefundRequest request, Duration wait) throws Rejected {
    reachability.check();
    RefundWorkflow stub =
        client.newWorkflowStub(RefundWorkflow.class, RefundWorkflow.startOptions(request));
    try {
      WorkflowClient.start(stub::refund, request);
    } catch (WorkflowExecutionAlreadyStarted alreadyAsked) {
      // One refund per credit: this asks for the same one.
    }
    WorkflowStub untyped =
        client.newUntypedWorkflowStub(RefundWorkflow.workflowId(request.bankReference()));
    try {
      return Optional.of(
          untyped.getResult(wait.toMillis(), TimeUnit.MILLISECONDS, RefundOutcome.class));
    } catch (TimeoutException stillRunning) {
      return Optional.empty();
    } catch (WorkflowFailedException e) {
      throw new Rejected(applicationMessage(e), false);
    }
  }

  /** Starts the delivery of one event to one subscription; once per delivery id. */
  public void deliverWebhook(WebhookDelivery delivery) {
    WebhookDeliveryWorkflow stub =
        client.newWorkflowStub(
            WebhookDeliveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.WEBHOOKS)
                .setWorkflowId(WebhookDeliveryWorkflow.workflowId(delivery.deliveryId()))
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setStaticSummary("Webhook delivery of event " + delivery.eventId())
                .build());
    try {
      WorkflowClient.start(stub::deliver, delivery);
    } catch (WorkflowExecutionAlreadyStarted alreadyDelivering) {
      // Dispatched twice (a crash between start and bookkeeping): one delivery is enough.
    }
  }

  /**
   * Starts the billing run of {@code period} ({@code billing-YYYY-MM}) unless it exists: a running
   * one is joined, a completed one is left as it is (a period is billed once), a failed one is
   * started again and resumes. Returns the run's status as Temporal has it now.
   */
  public BillingRunStatus startBillingRun(YearMonth period) {
    reachability.check();
    BillingWorkflow stub =
        client.newWorkflowStub(BillingWorkflow.class, BillingWorkflow.startOptions(period));
    String workflowId = BillingWorkflow.workflowId(period);
    String runId = null;
    try {
      WorkflowExecution started = WorkflowClient.start(stub::run, BillingRun.of(period, null));
      runId = started.getRunId();
    } catch (WorkflowExecutionAlreadyStarted completed) {
      // Billed already: the existing run is the answer.
    }
    var description = client.newUntypedWorkflowStub(workflowId).describe();
    WorkflowExecutionStatus status = description.getStatus();
    return new BillingRunStatus(
        workflowId,
        runId == null ? description.getExecution().getRunId() : runId,
        status.name().replace("WORKFLOW_EXECUTION_STATUS_", ""));
  }

  /**
   * Gives a parked credit to a loan and waits for the outcome. Asked again once done, answers the
   * same assignment; a refusal (the credit or the loan moved on, another loan got it) is {@link
   * Rejected}.
   */
  public CreditAssignment assignCredit(AssignCredit request) throws Rejected {
    reachability.check();
    CreditAssignmentWorkflow stub =
        client.newWorkflowStub(
            CreditAssignmentWorkflow.class, CreditAssignmentWorkflow.startOptions(request));
    WorkflowStub run;
    try {
      run = WorkflowStub.fromTyped(stub);
      WorkflowClient.start(stub::assign, request);
    } catch (WorkflowExecutionAlreadyStarted runningOrDone) {
      run =
          client.newUntypedWorkflowStub(
              CreditAssignmentWorkflow.workflowId(request.bankReference()));
    }
    CreditAssignment done;
    try {
      done = run.getResult(ASSIGNMENT_WAIT.toSeconds(), TimeUnit.SECONDS, CreditAssignment.class);
    } catch (WorkflowFailedException e) {
      throw new Rejected(applicationMessage(e), false);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the assignment did not end in " + ASSIGNMENT_WAIT, e);
    }
    if (!done.loanId().equals(request.loanId())) {
      throw new Rejected(
          "credit " + request.bankReference() + " was assigned to loan " + done.loanId(), false);
    }
    return done;
  }

  /** The business reason a workflow failed with, as its activity or workflow wrote it. */
  private static String applicationMessage(WorkflowFailedException e) {
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof ApplicationFailure)) {
      cause = cause.getCause();
    }
    return cause instanceof ApplicationFailure failure
        ? failure.getOriginalMessage()
        : e.getMessage();
  }

  /** A billing run as Temporal knows it: RUNNING, COMPLETED, FAILED, CONTINUED_AS_NEW... */
  public record BillingRunStatus(String workflowId, String runId, String status) {}

  private LoanWorkflow loan(String loanId) {
    return client.newWorkflowStub(LoanWorkflow.class, LoanWorkflow.workflowId(loanId));
  }

  private BorrowerWorkflow borrower(String borrowerId) {
    return client.newWorkflowStub(BorrowerWorkflow.class, BorrowerWorkflow.workflowId(borrowerId));
  }

  /** Runs an update; a refusal by its validator or a closed workflow becomes {@link Rejected}. */
  private static <T> T update(String workflowBusinessId, java.util.function.Supplier<T> call)
      throws Rejected {
    try {
      return call.get();
    } catch (WorkflowUpdateException e) {
      throw rejected(e);
    } catch (WorkflowNotFoundException e) {
      throw new Rejected(workflowBusinessId + " accepts no more commands", false);
    }
  }

  private static String messageOf(WorkflowUpdateException e) {
    Throwable cause = e.getCause();
    return cause instanceof ApplicationFailure failure
        ? failure.getOriginalMessage()
        : String.valueOf(cause == null ? e.getMessage() : cause.getMessage());
  }

  private static boolean badArgument(WorkflowUpdateException e) {
    return e.getCause() instanceof ApplicationFailure failure
        && IllegalArgumentException.class.getName().equals(failure.getType());
  }

  /** The refusal as its type says it, never as its message reads. */
  private static Rejected rejected(WorkflowUpdateException e) {
    LoanRefusal refusal = LoanRefusal.of(e.getCause());
    return refusal == null
        ? new Rejected(messageOf(e), badArgument(e))
        : new Rejected(messageOf(e), refusal);
  }

  /**
   * The workflow refused a command: {@code badArgument} when the command itself is wrong (a date
   * out of range), otherwise the state does not allow it.
   */
  public static class Rejected extends Exception {
    private final boolean badArgument;
    private final LoanRefusal refusal;

    public Rejected(String message, boolean badArgument) {
      super(message);
      this.badArgument = badArgument;
      this.refusal = null;
    }

    public Rejected(String message, LoanRefusal refusal) {
      super(message);
      this.badArgument = refusal.badArgument();
      this.refusal = refusal;
    }

    public boolean badArgument() {
      return badArgument;
    }

    /** Why a loan refused, when it was a loan; null for other workflows' refusals. */
    public LoanRefusal refusal() {
      return refusal;
    }
  }

  /** The loan's workflow has ended already; its read model answers instead. */
  public static class AlreadyEnded extends Exception {}

  /** The borrower's registration number is already onboarded by the same platform. */
  public static class DuplicateIdentifier extends Exception {
    private final String existingBorrowerId;

    public DuplicateIdentifier(String existingBorrowerId) {
      super("duplicate of " + existingBorrowerId);
      this.existingBorrowerId = existingBorrowerId;
    }

    public String existingBorrowerId() {
      return existingBorrowerId;
    }
  }
}
