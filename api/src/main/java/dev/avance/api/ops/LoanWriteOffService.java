package dev.avance.api.ops;

import dev.avance.activities.ledger.WriteOffs;
import dev.avance.activities.ledger.WriteOffs.Outcome;
import dev.avance.activities.ledger.WriteOffs.WriteOffRefused;
import dev.avance.api.auth.Operator;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' write-offs: the books' entry, the write-off's record, its event and the audit row
 * commit together. A repeated request changed nothing, so it writes no audit row either.
 */
@Service
public class LoanWriteOffService {
  private final WriteOffs writeOffs;
  private final OperatorAudit audit;

  public LoanWriteOffService(WriteOffs writeOffs, OperatorAudit audit) {
    this.writeOffs = writeOffs;
    this.audit = audit;
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
    return outcome;
  }

  private String platformOf(String loanId) {
    return writeOffs.platformOf(loanId).orElse(null);
  }
}
