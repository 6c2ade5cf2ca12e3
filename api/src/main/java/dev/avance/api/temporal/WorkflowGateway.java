package dev.avance.api.temporal;

import dev.avance.workflows.borrower.AddRepaymentMethod;
import dev.avance.workflows.borrower.AwaitRegistration;
import dev.avance.workflows.borrower.BorrowerState;
import dev.avance.workflows.borrower.BorrowerWorkflow;
import dev.avance.workflows.borrower.OnboardBorrower;
import dev.avance.workflows.borrower.RepaymentMethodView;
import dev.avance.workflows.borrower.SignTerms;
import dev.avance.workflows.borrower.SubmitFinancialData;
import dev.avance.workflows.common.FailureType;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
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
  public BorrowerState onboardBorrower(
      OnboardBorrower input, String requestId, boolean waitForReady) throws DuplicateIdentifier {
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
    return update(borrowerId, () -> borrower(borrowerId).sign(request));
  }

  public RepaymentMethodView addRepaymentMethod(String borrowerId, AddRepaymentMethod request)
      throws Rejected {
    return update(borrowerId, () -> borrower(borrowerId).addRepaymentMethod(request));
  }

  public BorrowerState submitFinancialData(String borrowerId, SubmitFinancialData request)
      throws Rejected {
    return update(borrowerId, () -> borrower(borrowerId).submitFinancialData(request));
  }

  private BorrowerWorkflow borrower(String borrowerId) {
    return client.newWorkflowStub(BorrowerWorkflow.class, BorrowerWorkflow.workflowId(borrowerId));
  }

  /** Runs an update; a refusal by its validator or a closed workflow becomes {@link Rejected}. */
  private static <T> T update(String borrowerId, java.util.function.Supplier<T> call)
      throws Rejected {
    try {
      return call.get();
    } catch (WorkflowUpdateException e) {
      Throwable cause = e.getCause();
      String message =
          cause instanceof ApplicationFailure failure
              ? failure.getOriginalMessage()
              : String.valueOf(cause == null ? e.getMessage() : cause.getMessage());
      throw new Rejected(message);
    } catch (WorkflowNotFoundException e) {
      throw new Rejected("borrower " + borrowerId + " accepts no more commands");
    }
  }

  /** The workflow refused a command in its current state. */
  public static class Rejected extends Exception {
    public Rejected(String message) {
      super(message);
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
