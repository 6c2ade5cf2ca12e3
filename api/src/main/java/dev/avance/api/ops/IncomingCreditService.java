package dev.avance.api.ops;

import dev.avance.activities.common.Keyset;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.reconciliation.IncomingCreditRepository;
import dev.avance.activities.reconciliation.IncomingCreditRepository.IncomingCreditRow;
import dev.avance.api.auth.Operator;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.workflows.payment.AssignCredit;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.refund.RefundRequest;
import dev.avance.workflows.refund.RefundWorkflow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Operators' view of incoming credits, and the assignment of parked ones to loans. */
@Service
public class IncomingCreditService {
  /** How long a refund request waits for the bank's answer before it answers RUNNING. */
  private static final Duration REFUND_WAIT = Duration.ofSeconds(5);

  private final IncomingCreditRepository credits;
  private final LoanRepository loans;
  private final WorkflowGateway workflows;
  private final OperatorAudit audit;

  private final Clock clock;

  public IncomingCreditService(
      IncomingCreditRepository credits,
      LoanRepository loans,
      WorkflowGateway workflows,
      OperatorAudit audit,
      Clock clock) {
    this.credits = credits;
    this.loans = loans;
    this.workflows = workflows;
    this.audit = audit;
    this.clock = clock;
  }

  public PageResponse<IncomingCreditResponse> list(IncomingCreditStatus status, PageRequest page) {
    List<IncomingCreditRow> rows =
        credits.find(
            status == null ? null : status.name(),
            new Keyset(page.ascending(), page.afterTime(), page.afterId(), page.fetchSize()));
    boolean more = rows.size() > page.pageSize();
    List<IncomingCreditRow> pageRows = more ? rows.subList(0, page.pageSize()) : rows;
    String next = null;
    if (more) {
      IncomingCreditRow last = pageRows.get(pageRows.size() - 1);
      next = page.cursorAfter(last.receivedAt(), last.bankReference());
    }
    return new PageResponse<>(
        pageRows.stream().map(IncomingCreditService::response).toList(), next);
  }

  public IncomingCreditResponse get(String bankReference) {
    return response(row(bankReference));
  }

  public IncomingCreditResponse assign(
      Operator operator, String bankReference, AssignCreditRequest request) {
    row(bankReference);
    if (loans.findForOperators(request.loanId()).isEmpty()) {
      throw ApiException.notFound("Loan " + request.loanId());
    }
    try {
      workflows.assignCredit(new AssignCredit(bankReference, request.loanId()));
    } catch (WorkflowGateway.Rejected e) {
      throw new ApiException(ErrorCode.INVALID_STATE, e.getMessage());
    }
    IncomingCreditResponse credit = get(bankReference);
    audit.record(
        operator,
        "incoming_credit.assign",
        credit.platformId(),
        bankReference,
        OperatorAudit.details("loan_id", request.loanId()));
    return credit;
  }

  /**
   * Pays the credit's parked or overpaid money back, once: starts its refund or joins the one asked
   * before, and answers its outcome if the bank answers within a few seconds.
   */
  public RefundResponse refund(Operator operator, String bankReference) {
    IncomingCreditRow credit = row(bankReference);
    audit.record(operator, "incoming_credit.refund", credit.platformId(), bankReference, Map.of());
    try {
      return workflows
          .refund(new RefundRequest(bankReference, clock.instant()), REFUND_WAIT)
          .map(
              outcome ->
                  new RefundResponse(
                      bankReference,
                      outcome.status() == PaymentStatus.PAID ? "PAID" : "FAILED",
                      outcome.amountCents(),
                      outcome.paymentId(),
                      outcome.failureReason()))
          .orElse(
              new RefundResponse(
                  bankReference, "RUNNING", null, RefundWorkflow.paymentId(bankReference), null));
    } catch (WorkflowGateway.Rejected e) {
      throw new ApiException(ErrorCode.INVALID_STATE, e.getMessage());
    }
  }

  private IncomingCreditRow row(String bankReference) {
    return credits
        .findByReference(bankReference)
        .orElseThrow(() -> ApiException.notFound("Incoming credit " + bankReference));
  }

  private static IncomingCreditResponse response(IncomingCreditRow c) {
    return new IncomingCreditResponse(
        c.bankReference(),
        c.receivedAt(),
        c.amountCents(),
        "EUR",
        c.toIban(),
        c.fromIban(),
        c.remittanceInformation(),
        IncomingCreditStatus.valueOf(c.status()),
        c.parkedReason(),
        c.loanId(),
        c.borrowerId(),
        c.platformId());
  }
}
