package dev.avance.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.workflows.billing.BillingWorkflowImpl;
import dev.avance.workflows.borrower.BorrowerWorkflowImpl;
import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.loan.LoanWorkflowImpl;
import dev.avance.workflows.payment.CreditAssignmentWorkflowImpl;
import dev.avance.workflows.payment.IncomingCreditWorkflowImpl;
import dev.avance.workflows.refund.RefundWorkflowImpl;
import dev.avance.workflows.testing.Histories;
import dev.avance.workflows.testing.TestEnvironments;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every recorded history against today's workflow code: a change that would break a running
 * loan or borrower fails here, before it is deployed.
 */
class ReplayTest {

  @TestFactory
  Stream<DynamicTest> everyRecordedHistoryReplays() throws IOException, URISyntaxException {
    Path folder = Path.of(ReplayTest.class.getClassLoader().getResource(Histories.FOLDER).toURI());
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).as("recorded histories").isNotEmpty();
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      try (TestWorkflowEnvironment env = TestEnvironments.create()) {
                        Worker worker = env.newWorker(TaskQueues.BORROWERS);
                        worker.registerWorkflowImplementationTypes(
                            BorrowerWorkflowImpl.class,
                            LoanWorkflowImpl.class,
                            IncomingCreditWorkflowImpl.class,
                            CreditAssignmentWorkflowImpl.class,
                            BillingWorkflowImpl.class,
                            RefundWorkflowImpl.class);
                        worker.replayWorkflowExecution(
                            WorkflowExecutionHistory.fromJson(Files.readString(file)));
                      }
                    }));
  }
}
