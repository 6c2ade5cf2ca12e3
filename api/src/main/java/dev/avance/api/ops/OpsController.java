package dev.avance.api.ops;

import dev.avance.api.auth.Operator;
import dev.avance.api.billing.BillResponse;
import dev.avance.api.billing.BillService;
import dev.avance.api.billing.Periods;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.api.temporal.WorkflowGateway.BillingRunStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Avance's operators (the operator key, not a platform's): billing runs on demand, platforms'
 * payments of their bills, and the money that came in without repaying a loan. Each action is
 * recorded in the audit log. Platforms and keys: {@link OpsPlatformController}.
 */
@RestController
@Tag(name = Tags.OPERATORS)
public class OpsController {
  static final String OPERATOR_KEY_ONLY =
      "`forbidden`: a platform's key; `operator_access_disabled`: no operator key is configured";
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final WorkflowGateway workflows;
  private final IncomingCreditService credits;
  private final BillService bills;
  private final OperatorAudit audit;
  private final LoanWriteOffService writeOffs;
  private final Clock clock;

  public OpsController(
      WorkflowGateway workflows,
      IncomingCreditService credits,
      BillService bills,
      OperatorAudit audit,
      LoanWriteOffService writeOffs,
      Clock clock) {
    this.workflows = workflows;
    this.credits = credits;
    this.bills = bills;
    this.audit = audit;
    this.writeOffs = writeOffs;
    this.clock = clock;
  }

  /**
   * A bill was paid by transfer (a platform's, or a borrower's without a mandate): the bill becomes
   * PAID, and its loans whose principal and interest are all paid leave TO_REPAY_FEES for CLOSED.
   * Recorded twice, the bill as it is.
   */
  @Operation(
      operationId = "recordBillTransfer",
      summary = "Record a bill's payment by transfer",
      description =
          "For a bill in TO_PAY without a direct debit: a platform's, or a borrower's without a"
              + " mandate. Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @ProblemResponse(
      status = 409,
      description = "`invalid_state`: a bill collected by direct debit, or not issued yet")
  @PostMapping(path = "/ops/bill/{id}/payment", consumes = MediaType.APPLICATION_JSON_VALUE)
  public BillResponse recordBillTransfer(
      Operator operator, @PathVariable String id, @Valid @RequestBody BillTransferRequest body) {
    return bills.recordTransferPayment(operator, id, body.paidAt());
  }

  @Operation(
      operationId = "listIncomingCredits",
      summary = "List incoming credits",
      description =
          "Credits received on the borrowers' virtual IBANs, by reception time (`sort_by`"
              + " `created_at` orders by it): filter on `PARKED` for the money that repays no loan"
              + " yet. Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @GetMapping("/ops/incoming-credits")
  public PageResponse<IncomingCreditResponse> listIncomingCredits(
      @RequestParam(required = false) IncomingCreditStatus status,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "page_size", required = false) Integer pageSize,
      @RequestParam(name = "sort_by", required = false) String sortBy) {
    return credits.list(status, PageRequest.parse(cursor, pageSize, sortBy));
  }

  @Operation(
      operationId = "getIncomingCredit",
      summary = "Get an incoming credit",
      description = "Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @GetMapping("/ops/incoming-credit/{bank_reference}")
  public IncomingCreditResponse getIncomingCredit(
      @PathVariable("bank_reference") String bankReference) {
    return credits.get(bankReference);
  }

  @Operation(
      operationId = "refundIncomingCredit",
      summary = "Refund a parked or overpaid credit",
      description =
          "Pays the money back to the account it came from with an outgoing SEPA credit transfer,"
              + " once per credit: a parked credit's whole amount, or what an applied credit paid"
              + " beyond its loan (once the loan no longer takes repayments) or its bill. Asked"
              + " again, the same refund. `RUNNING` until the bank has paid it. Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @ProblemResponse(status = 404, description = "`not_found`: no such credit")
  @ProblemResponse(
      status = 409,
      description =
          "`invalid_state`: nothing to refund (applied in full, refunded already, or still"
              + " applicable to an open loan), or the payer's account is unknown")
  @PostMapping("/ops/incoming-credit/{bank_reference}/refund")
  public ResponseEntity<RefundResponse> refundIncomingCredit(
      Operator operator, @PathVariable("bank_reference") String bankReference) {
    RefundResponse refund = credits.refund(operator, bankReference);
    return ResponseEntity.status(
            "RUNNING".equals(refund.status()) ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(refund);
  }

  /**
   * Gives a parked credit to the loan it repays (the borrower forgot the reference, or paid a loan
   * that had ended): the loan applies it as a transfer, and the credit becomes MATCHED. Once done,
   * asking again answers the same; a credit goes to one loan only.
   */
  @Operation(
      operationId = "assignIncomingCredit",
      summary = "Assign a parked credit to a loan",
      description =
          "The loan must be TO_REPAY and belong to the borrower whose virtual IBAN received the"
              + " credit. The loan applies it as a transfer (an excess is parked as an"
              + " overpayment). Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @ProblemResponse(
      status = 409,
      description =
          "`invalid_state`: the credit is not parked, the loan is not TO_REPAY or is another"
              + " borrower's, or the credit went to another loan")
  @PostMapping(
      path = "/ops/incoming-credit/{bank_reference}/assignment",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public IncomingCreditResponse assignIncomingCredit(
      Operator operator,
      @PathVariable("bank_reference") String bankReference,
      @Valid @RequestBody AssignCreditRequest body) {
    return credits.assign(operator, bankReference, body);
  }

  /**
   * Bills a period now: starts {@code billing-YYYY-MM}, or answers with the existing run's status
   * (a period is billed once). 202 while it runs, 200 once it has ended. A period in progress is
   * billed up to today; its remaining days go on the next period's bills.
   */
  @Operation(
      operationId = "startBillingRun",
      summary = "Bill a period now",
      description =
          "Starts billing-YYYY-MM or answers with the existing run (a period is billed once)."
              + " Operator key only.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The run has ended",
            content = @Content(schema = @Schema(implementation = BillingRunResponse.class))),
        @ApiResponse(
            responseCode = "202",
            description = "The run is going on",
            content = @Content(schema = @Schema(implementation = BillingRunResponse.class)))
      })
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @PostMapping(path = "/ops/billing-runs", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<BillingRunResponse> startBillingRun(
      Operator operator, @Valid @RequestBody BillingRunRequest body) {
    YearMonth period = Periods.parse("period", body.period());
    if (period.isAfter(YearMonth.now(clock.withZone(PARIS)))) {
      throw ApiException.invalidField(
          "period", "out_of_range", "must not be after the current month");
    }
    BillingRunStatus run = workflows.startBillingRun(period);
    audit.record(
        operator,
        "billing_run.start",
        null,
        period.toString(),
        OperatorAudit.details("workflow_id", run.workflowId(), "status", run.status()));
    return ResponseEntity.status(
            "RUNNING".equals(run.status()) ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(
            new BillingRunResponse(period.toString(), run.workflowId(), run.runId(), run.status()));
  }

  /**
   * Writes a paid-out loan off: what it still owes (principal, billed interest and penalties) moves
   * to Avance's write-off expense, once. Money the loan receives afterwards is booked as recovery
   * income; the loan's workflow goes on as before.
   */
  @Operation(
      operationId = "writeOffLoan",
      summary = "Write a loan off",
      description =
          "For a paid-out loan that still owes principal. Moves its principal, interest and"
              + " penalties receivable to Avance's write-off expense in one journal entry"
              + " (`<loan>:write-off`); money received for it afterwards is booked as recovery."
              + " Asked again, the same write-off and nothing posted. Operator key only.",
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "The loan was written off",
            content = @Content(schema = @Schema(implementation = WriteOffResponse.class))),
        @ApiResponse(
            responseCode = "200",
            description = "The loan had been written off before: that write-off",
            content = @Content(schema = @Schema(implementation = WriteOffResponse.class)))
      })
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @ProblemResponse(status = 404, description = "`not_found`: no such loan")
  @ProblemResponse(
      status = 409,
      description = "`invalid_state`: the loan was not paid out, or owes no principal")
  @PostMapping(path = "/ops/loan/{id}/write-off", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<WriteOffResponse> writeOffLoan(
      Operator operator, @PathVariable String id, @Valid @RequestBody WriteOffRequest body) {
    var outcome = writeOffs.writeOff(operator, id, body);
    return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(WriteOffResponse.of(outcome.writeOff()));
  }
}
