package dev.avance.api.loan;

import dev.avance.activities.platform.Platform;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import dev.avance.workflows.loan.LoanStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = Tags.LOANS)
public class LoanController {
  private final LoanService loans;

  public LoanController(LoanService loans) {
    this.loans = loans;
  }

  @Operation(
      operationId = "createLoan",
      summary = "Request a loan",
      description =
          "Finances (part of) an invoice: paid out to `loan_to` on `to_pay_at`, repaid on"
              + " `to_repay_at` (1 to 120 days after the payout day). Idempotent per `salt_id`:"
              + " the same request answers the same loan. With `auto_validate` (default true) an"
              + " accepted loan goes straight to payout; else it waits in `TO_VALIDATE` for"
              + " `POST /loan/{id}/validate`. With `wait_for_validation` the answer waits for the"
              + " decision; a refused loan is `DECLINED` with a `denial_reason`. Dates and"
              + " amounts that cannot hold are a 400 naming the field, and nothing is stored:"
              + " `to_pay_at` before today, `to_repay_at` not 1 to 120 days after `to_pay_at`,"
              + " `amount` above the invoice's, the invoice's `due_date` before its"
              + " `issue_date`.")
  @ProblemResponse(
      status = 409,
      description = "`salt_id_reused`: the `salt_id` was already used for a different request")
  @PostMapping(path = "/loans", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public LoanResponse create(Platform platform, @Valid @RequestBody CreateLoanRequest body) {
    return loans.create(platform, body);
  }

  @Operation(
      operationId = "listLoans",
      summary = "List loans",
      description = "Newest first by default; cursor pagination.")
  @GetMapping("/loans")
  public PageResponse<LoanResponse> list(
      Platform platform,
      @Parameter(description = "Only loans in one of these statuses (repeat the parameter).")
          @RequestParam(name = "status", required = false)
          List<LoanStatus> statuses,
      @Parameter(description = "Only this borrower's loans.")
          @RequestParam(name = "borrower_id", required = false)
          String borrowerId,
      @Parameter(description = "Only late loans (true) or loans on time (false).")
          @RequestParam(name = "is_late", required = false)
          Boolean late,
      @Parameter(description = "Repayment date on or after this day.")
          @RequestParam(name = "to_repay_at_from", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate toRepayAtFrom,
      @Parameter(description = "Repayment date on or before this day.")
          @RequestParam(name = "to_repay_at_to", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate toRepayAtTo,
      @Parameter(description = "Payout date on or after this day.")
          @RequestParam(name = "to_pay_at_from", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate toPayAtFrom,
      @Parameter(description = "Payout date on or before this day.")
          @RequestParam(name = "to_pay_at_to", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate toPayAtTo,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "page_size", required = false) Integer pageSize,
      @RequestParam(name = "sort_by", required = false) String sortBy) {
    return loans.list(
        platform,
        new LoanFilter(
            statuses, borrowerId, late, toRepayAtFrom, toRepayAtTo, toPayAtFrom, toPayAtTo),
        PageRequest.parse(cursor, pageSize, sortBy));
  }

  @Operation(operationId = "getLoan", summary = "Get a loan")
  @GetMapping("/loan/{id}")
  public LoanResponse get(Platform platform, @PathVariable String id) {
    return loans.get(platform, id);
  }

  @Operation(
      operationId = "changeLoanRepaymentDate",
      summary = "Change the repayment date",
      description =
          "A new `to_repay_at`, at most 120 days after the payout day. A postponement is allowed"
              + " once; with SDD the change is refused once the debit has been instructed (3"
              + " TARGET business days before the due date).")
  @ProblemResponse(
      status = 409,
      description =
          "`invalid_state`: the loan is not `TO_REPAY` or is over;"
              + " `direct_debit_already_instructed`: the debit is with the bank; `loan_late`: a"
              + " late loan cannot be postponed, only its repayment ends the lateness. A date out"
              + " of bounds or a second postponement is a 400 whose field code names it"
              + " (`excessive_duration`, `postponement_already_used`, `due_date_not_in_future`);"
              + " the same date again changes nothing")
  @PatchMapping(path = "/loan/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public LoanResponse change(
      Platform platform, @PathVariable String id, @Valid @RequestBody ChangeLoanRequest body) {
    return loans.changeDueDate(platform, id, body);
  }

  @Operation(
      operationId = "validateLoan",
      summary = "Validate a loan",
      description = "The borrower's consent to a loan requested with `auto_validate=false`.")
  @ProblemResponse(status = 409, description = "`invalid_state`: the loan is not `TO_VALIDATE`")
  @PostMapping("/loan/{id}/validate")
  public LoanResponse validate(Platform platform, @PathVariable String id) {
    return loans.validate(platform, id);
  }

  @Operation(
      operationId = "cancelLoan",
      summary = "Cancel a loan",
      description =
          "Possible in `TO_VALIDATE`, `VALIDATED` and `SCHEDULED`, until the payout is"
              + " instructed.")
  @ProblemResponse(
      status = 409,
      description = "`invalid_state`: the payout is already instructed or the loan is over")
  @PostMapping("/loan/{id}/cancel")
  public LoanResponse cancel(Platform platform, @PathVariable String id) {
    return loans.cancel(platform, id);
  }

  @Operation(
      operationId = "listLoanEvents",
      summary = "List a loan's status history",
      description = "Oldest first.")
  @GetMapping("/loan/{id}/events")
  public PageResponse<LoanEventResponse> events(Platform platform, @PathVariable String id) {
    return loans.events(platform, id);
  }

  @Operation(
      operationId = "getRepaymentDetails",
      summary = "Get repayment details",
      description =
          "Where and how to repay by transfer: the borrower's virtual IBAN, the BIC, the"
              + " reference to quote (reconciliation is automatic), the amount due and the date.")
  @GetMapping("/loan/{id}/repayment-details")
  public RepaymentDetailsResponse repaymentDetails(Platform platform, @PathVariable String id) {
    return loans.repaymentDetails(platform, id);
  }

  @Operation(
      operationId = "getLoanPayoff",
      summary = "Get the amount that repays a loan on a day",
      description =
          "What repays the loan in full on `date` (default today): the principal outstanding,"
              + " the interest not yet billed from the payout day to that day (exclusive, at least"
              + " one day; exact, rounded once as the bill will), the interest billed and not yet"
              + " paid, and their total. `date` is from today to 120 days after `to_repay_at`.")
  @ProblemResponse(
      status = 409,
      description = "`invalid_state`: the loan is not paid out, so nothing is owed yet")
  @GetMapping("/loan/{id}/payoff")
  public PayoffResponse payoff(
      Platform platform,
      @PathVariable String id,
      @Parameter(description = "The day of the repayment (YYYY-MM-DD, Europe/Paris).")
          @RequestParam(name = "date", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate date) {
    return loans.payoff(platform, id, date);
  }

  @Operation(
      operationId = "listPayments",
      summary = "List a loan's payments",
      description =
          "The payout, the direct debits and the incoming transfers of a loan, oldest first;"
              + " then what is planned and not yet sent to the bank, as `SCHEDULED`: the payout"
              + " of a `VALIDATED` or `SCHEDULED` loan, and the direct debit of a loan repaid by"
              + " SEPA direct debit, with its `instruction_date` and `collection_date` (TARGET"
              + " business days).")
  @ProblemResponse(status = 404, description = "`not_found`: no such loan for this platform")
  @GetMapping("/payments")
  public PageResponse<PaymentResponse> payments(
      Platform platform,
      @Parameter(description = "The loan's id.") @RequestParam(name = "loan_id") String loanId) {
    return loans.payments(platform, loanId);
  }
}
