package dev.avance.workflows.borrower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.workflows.common.AvanceSearchAttributes;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.testing.Histories;
import dev.avance.workflows.testing.TestEnvironments;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BorrowerWorkflowTest {
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeBorrowerActivities activities = new FakeBorrowerActivities();

  @BeforeEach
  void setUp() {
    env = TestEnvironments.create();
    Worker worker = env.newWorker(TaskQueues.BORROWERS);
    worker.registerWorkflowImplementationTypes(BorrowerWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private static OnboardBorrower borrower(String id, Instant signedAt) {
    return new OnboardBorrower(
        id, "platform-1", "552100554", IdentifierType.SIREN, Country.FRA, "Acme", signedAt, null);
  }

  /** The same call the API makes: update-with-start, answering once the borrower is recorded. */
  private BorrowerState onboard(OnboardBorrower input) {
    BorrowerWorkflow stub =
        client.newWorkflowStub(
            BorrowerWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.BORROWERS)
                .setWorkflowId(BorrowerWorkflow.workflowId(input.borrowerId()))
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(AvanceSearchAttributes.PLATFORM_ID, input.platformId())
                        .set(AvanceSearchAttributes.BORROWER_ID, input.borrowerId())
                        .set(AvanceSearchAttributes.BORROWER_STATUS, "SUBMITTED")
                        .build())
                .build());
    return WorkflowClient.executeUpdateWithStart(
        stub::awaitRegistration,
        new AwaitRegistration("create-" + input.borrowerId()),
        UpdateOptions.<BorrowerState>newBuilder()
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        new WithStartWorkflowOperation<>(stub::run, input));
  }

  @Test
  void recordsTheBorrowerThenWaitsForTheSignature() {
    String id = UUID.randomUUID().toString();

    BorrowerState state = onboard(borrower(id, null));

    assertThat(state.registered()).isTrue();
    assertThat(state.status()).isEqualTo(BorrowerStatus.TO_SIGN);
    assertThat(activities.calls).hasSize(1);
    assertThat(activities.calls.get(0).status()).isEqualTo(BorrowerStatus.TO_SIGN);
    assertThat(activities.calls.get(0).borrower().borrowerId()).isEqualTo(id);

    BorrowerWorkflow running =
        client.newWorkflowStub(BorrowerWorkflow.class, BorrowerWorkflow.workflowId(id));
    assertThat(running.state().status()).isEqualTo(BorrowerStatus.TO_SIGN);
    WorkflowStub untyped = WorkflowStub.fromTyped(running);
    assertThat(
            untyped
                .describe()
                .getTypedSearchAttributes()
                .get(AvanceSearchAttributes.BORROWER_STATUS))
        .isEqualTo("TO_SIGN");
    Histories.record(client, BorrowerWorkflow.workflowId(id), "borrower-to-sign");
  }

  @Test
  void aBorrowerSignedAtCreationStartsSigned() {
    String id = UUID.randomUUID().toString();

    BorrowerState state = onboard(borrower(id, Instant.parse("2026-11-01T10:00:00Z")));

    assertThat(state.status()).isEqualTo(BorrowerStatus.SIGNED);
    assertThat(activities.calls.get(0).status()).isEqualTo(BorrowerStatus.SIGNED);
  }

  @Test
  void aRetriedUpdateWithTheSameWorkflowIdDoesNotRegisterTwice() {
    String id = UUID.randomUUID().toString();

    onboard(borrower(id, null));
    BorrowerState again = onboard(borrower(id, null));

    assertThat(again.registered()).isTrue();
    assertThat(activities.calls).hasSize(1);
  }

  @Test
  void transientActivityFailuresAreRetriedUntilTheBorrowerIsRecorded() {
    activities.transientFailuresLeft.set(2);
    String id = UUID.randomUUID().toString();

    BorrowerState state = onboard(borrower(id, null));

    assertThat(state.registered()).isTrue();
    assertThat(activities.calls).hasSize(3);
  }

  @Test
  void aDuplicateIdentifierFailsTheUpdateAndEndsTheWorkflow() {
    activities.duplicateOf = "existing-borrower";
    String id = UUID.randomUUID().toString();

    assertThatThrownBy(() -> onboard(borrower(id, null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FailureType.DUPLICATE_IDENTIFIER.type());
              assertThat(failure.getDetails().get(String.class)).isEqualTo("existing-borrower");
            });

    OnboardingResult result =
        client
            .newUntypedWorkflowStub(BorrowerWorkflow.workflowId(id))
            .getResult(OnboardingResult.class);
    assertThat(result.status()).isEqualTo(BorrowerStatus.REFUSED);
    assertThat(result.statusReason()).isEqualTo("DUPLICATE_IDENTIFIER");
    assertThat(activities.calls).hasSize(1);
    Histories.record(client, BorrowerWorkflow.workflowId(id), "borrower-duplicate");
  }
}
