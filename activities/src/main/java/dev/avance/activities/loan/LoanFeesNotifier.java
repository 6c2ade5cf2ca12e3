package dev.avance.activities.loan;

import dev.avance.workflows.loan.FeesSettled;
import dev.avance.workflows.loan.LoanWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Instant;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells loans that billing settled their fees, so that each loan's workflow, waiting in
 * TO_REPAY_FEES, closes and ends CLOSED. Called inside the transaction that closes the read model,
 * before its commit: if the transaction rolls back, its retry tells the loans again (a loan takes
 * the signal once), and a commit never leaves a told loan untold. A loan whose workflow has ended
 * (started before it waited for billing) is closed by the read model alone.
 */
@Component
public class LoanFeesNotifier {
  private static final Logger log = LoggerFactory.getLogger(LoanFeesNotifier.class);

  private final ObjectProvider<WorkflowClient> client;

  public LoanFeesNotifier(ObjectProvider<WorkflowClient> client) {
    this.client = client;
  }

  public void feesSettled(Collection<String> loanIds, String billId, Instant at) {
    WorkflowClient temporal = client.getIfAvailable();
    if (temporal == null || loanIds.isEmpty()) {
      return;
    }
    for (String loanId : loanIds) {
      try {
        temporal
            .newWorkflowStub(LoanWorkflow.class, LoanWorkflow.workflowId(loanId))
            .feesSettled(new FeesSettled(billId, at));
      } catch (WorkflowNotFoundException ended) {
        log.debug("Loan {} had ended before its fees were settled", loanId);
      }
    }
  }
}
