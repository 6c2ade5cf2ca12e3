package dev.avance.workflows.borrower;

import dev.avance.workflows.common.AvanceSearchAttributes;
import dev.avance.workflows.common.FailureType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

public class BorrowerWorkflowImpl implements BorrowerWorkflow {
  private static final Logger log = Workflow.getLogger(BorrowerWorkflowImpl.class);

  private final BorrowerActivities activities =
      Workflow.newActivityStub(
          BorrowerActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              // The database may be down for a while; keep trying, the borrower must not be lost.
              .setRetryOptions(
                  RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build())
              .setSummary("Record the borrower in the read model")
              .build());

  private BorrowerState state;

  @WorkflowInit
  public BorrowerWorkflowImpl(OnboardBorrower input) {
    // Set before any handler runs: update-with-start delivers the update with the first task.
    this.state = BorrowerState.submitted(input);
  }

  @Override
  public OnboardingResult run(OnboardBorrower input) {
    BorrowerStatus initial =
        input.signedAt() == null ? BorrowerStatus.TO_SIGN : BorrowerStatus.SIGNED;
    try {
      activities.register(
          new RegisterBorrower(input, initial, Instant.ofEpochMilli(Workflow.currentTimeMillis())));
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof ApplicationFailure failure
          && FailureType.DUPLICATE_IDENTIFIER.type().equals(failure.getType())) {
        String existing = failure.getDetails().get(String.class);
        state = state.duplicateOf(existing);
        log.info("Borrower {} is a duplicate of {}", input.borrowerId(), existing);
        publish();
        Workflow.await(Workflow::isEveryHandlerFinished);
        return new OnboardingResult(state.borrowerId(), state.status(), state.statusReason());
      }
      throw e;
    }
    state = state.registeredAs(initial);
    publish();
    // The borrower lives until deactivated; signing, repayment methods and the credit line are
    // commands on this workflow.
    Workflow.await(() -> state.status() == BorrowerStatus.DEACTIVATED);
    Workflow.await(Workflow::isEveryHandlerFinished);
    return new OnboardingResult(state.borrowerId(), state.status(), state.statusReason());
  }

  @Override
  public BorrowerState awaitRegistration(AwaitRegistration request) {
    Workflow.await(() -> state.settled());
    if (state.duplicateOf() != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The platform already onboarded this registration number",
          FailureType.DUPLICATE_IDENTIFIER.type(),
          state.duplicateOf());
    }
    return state;
  }

  @Override
  public void validateAwaitRegistration(AwaitRegistration request) {
    if (request == null) {
      throw new IllegalArgumentException("request is required");
    }
  }

  @Override
  public BorrowerState state() {
    return state;
  }

  private void publish() {
    Workflow.upsertTypedSearchAttributes(
        AvanceSearchAttributes.BORROWER_STATUS.valueSet(state.status().name()));
    Workflow.setCurrentDetails(
        "**Status:** "
            + state.status()
            + (state.statusReason() == null ? "" : " (" + state.statusReason() + ")"));
  }
}
