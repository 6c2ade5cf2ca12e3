package dev.avance.api.temporal;

import dev.avance.workflows.borrower.AwaitRegistration;
import dev.avance.workflows.borrower.BorrowerState;
import dev.avance.workflows.borrower.BorrowerStatus;
import dev.avance.workflows.borrower.BorrowerWorkflow;
import dev.avance.workflows.borrower.OnboardBorrower;
import dev.avance.workflows.common.AvanceSearchAttributes;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.common.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import org.springframework.stereotype.Service;

/** The one owner of the {@link WorkflowClient}: every start, update, signal and query goes here. */
@Service
public class WorkflowGateway {
  private final WorkflowClient client;

  public WorkflowGateway(WorkflowClient client) {
    this.client = client;
  }

  /** Starts the borrower's workflow and waits until the borrower is recorded. */
  public BorrowerState onboardBorrower(OnboardBorrower input, String requestId)
      throws DuplicateIdentifier {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setTaskQueue(TaskQueues.BORROWERS)
            .setWorkflowId(BorrowerWorkflow.workflowId(input.borrowerId()))
            // Update-with-start requires a conflict policy; a retried request joins the same run.
            .setWorkflowIdConflictPolicy(
                WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .setTypedSearchAttributes(
                SearchAttributes.newBuilder()
                    .set(AvanceSearchAttributes.PLATFORM_ID, input.platformId())
                    .set(AvanceSearchAttributes.BORROWER_ID, input.borrowerId())
                    .set(AvanceSearchAttributes.BORROWER_STATUS, BorrowerStatus.SUBMITTED.name())
                    .build())
            .setStaticSummary(
                "Borrower "
                    + input.country()
                    + " "
                    + input.identifierType()
                    + " "
                    + input.identifier())
            .build();
    BorrowerWorkflow stub = client.newWorkflowStub(BorrowerWorkflow.class, options);
    try {
      return WorkflowClient.executeUpdateWithStart(
          stub::awaitRegistration,
          new AwaitRegistration(requestId),
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
