package dev.avance.workflows.borrower;

import static dev.avance.workflows.common.WorkflowTime.now;
import static dev.avance.workflows.common.WorkflowTime.today;

import dev.avance.workflows.common.ActivityPolicies;
import dev.avance.workflows.common.AvanceSearchAttributes;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.common.WorkflowTime;
import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.CreditLineStatus;
import dev.avance.workflows.credit.CreditLineView;
import dev.avance.workflows.credit.OpenCreditLine;
import dev.avance.workflows.credit.SetCreditLineStatus;
import dev.avance.workflows.loan.LoanWorkflow;
import dev.avance.workflows.loan.RepaymentSetup;
import dev.avance.workflows.rules.CreditScore;
import dev.avance.workflows.rules.CreditScoring;
import dev.avance.workflows.rules.Eligibility;
import dev.avance.workflows.rules.ScoringInput;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;

public class BorrowerWorkflowImpl implements BorrowerWorkflow {
  private static final Logger log = Workflow.getLogger(BorrowerWorkflowImpl.class);

  /** Version marker: from 1 on, eligibility, signature and the credit line run in here. */
  static final String ONBOARDING_CHANGE = "eligibility-signature-credit-line";

  /** How long wait_for_ready holds an answer; past it the caller gets the current status. */
  private static final Duration READY_WAIT = Duration.ofSeconds(25);

  private static final int SALES_HISTORY_MONTHS_THAT_COUNT = 6;

  private final BorrowerActivities activities =
      Workflow.newActivityStub(BorrowerActivities.class, options("Borrower read model"));
  private final CreditLineActivities credit =
      Workflow.newActivityStub(CreditLineActivities.class, options("Credit line"));

  private final OnboardBorrower input;
  private final BorrowerPolicy policy;
  private BorrowerStatus status = BorrowerStatus.SUBMITTED;
  private String statusReason;
  private boolean registered;
  private String duplicateOf;
  private Instant signedAt;
  private CompanyProfile profile;
  private CreditLineView creditLine;
  private int eventSequence;
  private int rescoresRequested;
  private int rescoresDone;
  private boolean legacy;
  private final Set<String> lateLoans = new TreeSet<>();
  private int latenessChanges;

  private static ActivityOptions options(String summary) {
    return ActivityPolicies.persistent(Duration.ofSeconds(30), summary);
  }

  @WorkflowInit
  public BorrowerWorkflowImpl(OnboardBorrower input) {
    // Set before any handler runs: update-with-start delivers the update with the first task.
    this.input = input;
    this.policy = input.policy() == null ? BorrowerPolicy.DEFAULT : input.policy();
    this.signedAt = input.signedAt();
    BorrowerSnapshot carried = input.carryOver();
    if (carried != null) {
      registered = true;
      status = carried.status();
      statusReason = carried.statusReason();
      signedAt = carried.signedAt();
      profile = carried.profile();
      creditLine = carried.creditLine();
      eventSequence = carried.eventSequence();
      if (carried.lateLoans() != null) {
        lateLoans.addAll(carried.lateLoans());
      }
    }
  }

  @Override
  public OnboardingResult run(OnboardBorrower ignored) {
    if (input.carryOver() == null) {
      int version = Workflow.getVersion(ONBOARDING_CHANGE, Workflow.DEFAULT_VERSION, 1);
      legacy = version == Workflow.DEFAULT_VERSION;
      BorrowerStatus initial = signedAt == null ? BorrowerStatus.TO_SIGN : BorrowerStatus.SIGNED;
      // The read model shows SUBMITTED until eligibility is decided.
      if (!register(legacy ? initial : BorrowerStatus.SUBMITTED)) {
        return finish();
      }
      registered = true;
      if (legacy) {
        // Borrowers started before eligibility existed keep their original behaviour.
        status = initial;
        publish();
        Workflow.await(() -> status == BorrowerStatus.DEACTIVATED);
        return finish();
      }
      publish();
      if (!onboard()) {
        return finish();
      }
    }
    livesWithItsCreditLine();
    return finish();
  }

  /** Records the borrower; false when it is a duplicate and the workflow must end. */
  private boolean register(BorrowerStatus initial) {
    try {
      activities.register(new RegisterBorrower(input, initial, now()));
      return true;
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof ApplicationFailure failure
          && FailureType.DUPLICATE_IDENTIFIER.type().equals(failure.getType())) {
        duplicateOf = failure.getDetails().get(String.class);
        status = BorrowerStatus.REFUSED;
        statusReason = FailureType.DUPLICATE_IDENTIFIER.type();
        log.info("Borrower {} is a duplicate of {}", input.borrowerId(), duplicateOf);
        publish();
        return false;
      }
      throw e;
    }
  }

  /** Eligibility, signature, first credit line; false when the borrower is refused. */
  private boolean onboard() {
    profile =
        activities.lookUpCompany(
            new LookUpCompany(
                input.borrowerId(), input.country(), input.identifierType(), input.identifier()));
    Optional<String> refusal =
        Eligibility.refusal(profile, input.identifierType(), input.identifier(), today());
    if (refusal.isPresent()) {
      changeStatus(BorrowerStatus.REFUSED, refusal.get());
      return false;
    }
    changeStatus(signedAt == null ? BorrowerStatus.TO_SIGN : BorrowerStatus.SIGNED, null);
    Workflow.await(() -> signedAt != null);
    if (status == BorrowerStatus.TO_SIGN) {
      changeStatus(BorrowerStatus.SIGNED, null);
    }
    score();
    changeStatus(BorrowerStatus.READY, null);
    return true;
  }

  /** Rescoring on new data, expiry at the end of the validity period; continues as new. */
  private void livesWithItsCreditLine() {
    while (status != BorrowerStatus.DEACTIVATED) {
      int seen = latenessChanges;
      Supplier<Boolean> woken = () -> rescoresRequested > rescoresDone || latenessChanges != seen;
      if (creditLine.status() == CreditLineStatus.ACTIVE) {
        if (!WorkflowTime.awaitWithTimer(
            WorkflowTime.until(creditLine.expiresAt()), "Credit line expiry", woken)) {
          setLineStatus(CreditLineStatus.EXPIRED, FailureType.CREDIT_LINE_EXPIRED.type());
        }
      } else {
        Workflow.await(woken::get);
      }
      if (latenessChanges != seen) {
        applyLateness();
      }
      if (rescoresRequested > rescoresDone) {
        int requested = rescoresRequested;
        score();
        // Only now: the waiting update handlers answer with the rescored line.
        rescoresDone = requested;
      }
      if (Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(
            input.withCarryOver(
                new BorrowerSnapshot(
                    status,
                    statusReason,
                    signedAt,
                    profile,
                    creditLine,
                    eventSequence,
                    List.copyOf(lateLoans))));
      }
    }
  }

  /** A late loan blocks the line; when none is late any more the line is back as it was. */
  private void applyLateness() {
    if (!lateLoans.isEmpty() && creditLine.status() != CreditLineStatus.BLOCKED) {
      setLineStatus(CreditLineStatus.BLOCKED, "LATE_REPAYMENT_BORROWER");
    } else if (lateLoans.isEmpty() && creditLine.status() == CreditLineStatus.BLOCKED) {
      boolean expired = !now().isBefore(creditLine.expiresAt());
      setLineStatus(
          expired ? CreditLineStatus.EXPIRED : CreditLineStatus.ACTIVE,
          expired ? FailureType.CREDIT_LINE_EXPIRED.type() : null);
    }
  }

  private void setLineStatus(CreditLineStatus lineStatus, String reason) {
    creditLine =
        credit.setStatus(new SetCreditLineStatus(input.borrowerId(), lineStatus, reason, now()));
    event("credit_line", "credit_line." + lineStatus);
    publish();
  }

  private void score() {
    ScoringData data =
        activities.scoringData(new BorrowerRef(input.borrowerId(), input.platformId()));
    long revenue =
        data.declaredAnnualRevenueCents() == null
            ? profile.annualRevenueCents()
            : data.declaredAnnualRevenueCents();
    CreditScore score =
        CreditScoring.score(
            new ScoringInput(
                revenue,
                profile.createdOn(),
                today(),
                data.onTimeRepayments(),
                data.lateRepayments(),
                data.currentlyLate(),
                data.salesHistoryMonths() >= SALES_HISTORY_MONTHS_THAT_COUNT,
                data.accountingDataProvided(),
                policy.lineCapCents()));
    creditLine =
        credit.open(
            new OpenCreditLine(
                input.borrowerId(),
                input.platformId(),
                score.maxAmountCents(),
                now().plus(Duration.ofDays(policy.creditLineValidityDays())),
                now()));
    event("credit_line", "credit_line." + creditLine.status());
    publish();
  }

  private void changeStatus(BorrowerStatus newStatus, String reason) {
    // The read model first: a handler that sees the new status may answer, and the API then
    // reads the read model.
    activities.recordStatus(
        new RecordBorrowerStatus(
            input.borrowerId(),
            input.platformId(),
            newStatus,
            reason,
            signedAt,
            profile,
            nextEventKey(),
            now()));
    status = newStatus;
    statusReason = reason;
    publish();
  }

  private void event(String entityType, String eventType) {
    activities.recordEvent(
        new RecordEvent(
            input.platformId(), entityType, input.borrowerId(), eventType, nextEventKey(), now()));
  }

  private String nextEventKey() {
    return input.borrowerId() + ":" + (++eventSequence);
  }

  @Override
  public BorrowerState awaitRegistration(AwaitRegistration request) {
    Workflow.await(() -> registered || duplicateOf != null);
    if (duplicateOf != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The platform already onboarded this registration number",
          FailureType.DUPLICATE_IDENTIFIER.type(),
          duplicateOf);
    }
    if (request.waitForReady()) {
      awaitSettled();
    }
    return state();
  }

  @Override
  public void validateAwaitRegistration(AwaitRegistration request) {
    if (request == null) {
      throw new IllegalArgumentException("request is required");
    }
  }

  @Override
  public BorrowerState sign(SignTerms request) {
    if (signedAt == null) {
      signedAt = request.signedAt();
    }
    if (request.waitForReady()) {
      awaitSettled();
    } else {
      Workflow.await(() -> status != BorrowerStatus.TO_SIGN && status != BorrowerStatus.SUBMITTED);
    }
    return state();
  }

  @Override
  public void validateSign(SignTerms request) {
    if (request == null || request.signedAt() == null) {
      throw new IllegalArgumentException("signed_at is required");
    }
    if (request.signedAt().isAfter(now().plus(Duration.ofMinutes(5)))) {
      throw new IllegalArgumentException("signed_at must not be in the future");
    }
    requireNotEnded();
  }

  @Override
  public RepaymentMethodView addRepaymentMethod(AddRepaymentMethod request) {
    String methodId = Workflow.randomUUID().toString();
    RepaymentMethodView saved =
        activities.saveRepaymentMethod(
            new SaveRepaymentMethod(
                methodId, input.borrowerId(), input.platformId(), request, now()));
    event("repayment_method", "repayment_method.READY");
    if (request.applyToAllActiveLoans()) {
      RepaymentSetup setup =
          new RepaymentSetup(
              saved.paymentMethod().name(),
              saved.mandateReference(),
              saved.iban(),
              saved.bic(),
              null);
      for (String loanId :
          activities
              .activeLoans(new BorrowerRef(input.borrowerId(), input.platformId()))
              .loanIds()) {
        try {
          Workflow.newExternalWorkflowStub(LoanWorkflow.class, LoanWorkflow.workflowId(loanId))
              .repaymentMethodChanged(setup);
        } catch (SignalExternalWorkflowException | ApplicationFailure ended) {
          // Repaid or closed meanwhile: nothing to move.
        }
      }
    }
    return saved;
  }

  @Override
  public void validateAddRepaymentMethod(AddRepaymentMethod request) {
    if (request == null || request.paymentMethod() == null) {
      throw new IllegalArgumentException("payment_method is required");
    }
    requireNotEnded();
  }

  @Override
  public BorrowerState submitFinancialData(SubmitFinancialData request) {
    activities.saveFinancialData(
        new SaveFinancialData(input.borrowerId(), input.platformId(), request, now()));
    if (creditLine != null) {
      int mine = ++rescoresRequested;
      Workflow.await(() -> rescoresDone >= mine);
    }
    return state();
  }

  @Override
  public void validateSubmitFinancialData(SubmitFinancialData request) {
    if (request == null) {
      throw new IllegalArgumentException("financial data is required");
    }
    requireNotEnded();
  }

  private void requireNotEnded() {
    if (legacy) {
      throw new IllegalStateException("this borrower predates onboarding; onboard it again");
    }
    if (status == BorrowerStatus.REFUSED || status == BorrowerStatus.DEACTIVATED) {
      throw new IllegalStateException("the borrower is " + status);
    }
  }

  @Override
  public void loanLateness(LoanLateness lateness) {
    boolean changed =
        lateness.late() ? lateLoans.add(lateness.loanId()) : lateLoans.remove(lateness.loanId());
    if (changed) {
      latenessChanges++;
    }
  }

  @Override
  public BorrowerState state() {
    return new BorrowerState(
        input.borrowerId(),
        input.platformId(),
        status,
        statusReason,
        registered,
        duplicateOf,
        signedAt,
        creditLine);
  }

  /** Until the borrower can borrow, is refused, or needs its signature. */
  private void awaitSettled() {
    Workflow.await(
        READY_WAIT,
        () ->
            status == BorrowerStatus.READY
                || status == BorrowerStatus.REFUSED
                || (status == BorrowerStatus.TO_SIGN && signedAt == null));
  }

  private OnboardingResult finish() {
    Workflow.await(Workflow::isEveryHandlerFinished);
    return new OnboardingResult(input.borrowerId(), status, statusReason);
  }

  private void publish() {
    Workflow.upsertTypedSearchAttributes(
        AvanceSearchAttributes.BORROWER_STATUS.valueSet(status.name()));
    StringBuilder details =
        new StringBuilder("**Status:** ")
            .append(status)
            .append(statusReason == null ? "" : " (" + statusReason + ")");
    if (creditLine != null) {
      details
          .append("\n\n**Credit line:** ")
          .append(creditLine.status())
          .append(", max ")
          .append(creditLine.maxAmountCents() / 100)
          .append(" EUR, expires ")
          .append(creditLine.expiresAt());
    }
    Workflow.setCurrentDetails(details.toString());
  }
}
