package dev.avance.api.ops;

import dev.avance.activities.ledger.WriteOffs;
import dev.avance.activities.ledger.WriteOffs.Outcome;
import dev.avance.activities.ledger.WriteOffs.WriteOffRefused;
import dev.avance.api.auth.Operator;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.workflows.loan.WrittenOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Operators' write-offs: the books' entry, the write-off's record, its event and the audit row
 * commit together. A repeated request changed nothing, so it writes no audit row either. The loan's
 * workflow is told after the commit, on every request: a repeated request resends what a failed one
 * may not have delivered, and the loan takes one write-off.
 */
@Service
public class LoanWriteOffService {
  private static final Logger log = LoggerFactory.getLogger(LoanWriteOffService.class);

  private final WriteOffs writeOffs;
  private final OperatorAudit audit;
  private final WorkflowGateway workflows;

  public LoanWriteOffService(WriteOffs writeOffs, OperatorAudit audit, WorkflowGateway workflows) {
    this.writeOffs = writeOffs;
    this.audit = audit;
    this.workflows = workflows;
  }

  @Transactional
  public Outcome writeOff(Operator operator, String loanId, WriteOffRequest body) {
    Outcome outcome;
    try {
      outcome =
          writeOffs.writeOff(loanId, null, operator.fingerprint(), body.reason(), body.note());
    } catch (WriteOffRefused e) {
      switch (e.refusal()) {
        case NOT_FOUND:
          throw ApiException.notFound("Loan " + loanId);
        case NOT_PAID_OUT:
          throw new ApiException(ErrorCode.INVALID_STATE, "The loan was not paid out");
        default:
          throw new ApiException(ErrorCode.INVALID_STATE, "The loan owes no principal");
      }
    }
    if (outcome.created()) {
      var w = outcome.writeOff();
      audit.record(
          operator,
          "loan.write_off",
          platformOf(loanId),
          loanId,
          OperatorAudit.details(
              "reason",
              w.reason().name(),
              "principal_cents",
              Long.toString(w.principalCents()),
              "interest_cents",
              Long.toString(w.interestCents()),
              "penalties_cents",
              Long.toString(w.penaltiesCents())));
    }
    tellTheLoanAfterCommit(loanId, new WrittenOff(outcome.writeOff().writtenOffAt()));
    return outcome;
  }

  /**
   * Never inside the transaction: a workflow told of a write-off that then rolled back would stop
   * chasing a loan still owed. A failure here leaves the write-off committed and the loan chasing;
   * the operator's retry (200, same write-off) tells it again.
   */
  private void tellTheLoanAfterCommit(String loanId, WrittenOff writtenOff) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            try {
              if (!workflows.writtenOff(loanId, writtenOff)) {
                log.info("Loan {} written off after its workflow ended", loanId);
              }
            } catch (RuntimeException e) {
              log.warn("Loan {} written off, its workflow not told yet: {}", loanId, e.toString());
            }
          }
        });
  }

  private String platformOf(String loanId) {
    return writeOffs.platformOf(loanId).orElse(null);
  }
}
