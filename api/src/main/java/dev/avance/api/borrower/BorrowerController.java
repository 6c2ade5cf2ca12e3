package dev.avance.api.borrower;

import dev.avance.activities.platform.Platform;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import dev.avance.workflows.borrower.BorrowerStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = Tags.BORROWERS)
public class BorrowerController {
  private final BorrowerService borrowers;
  private final EligibilityService eligibility;

  public BorrowerController(BorrowerService borrowers, EligibilityService eligibility) {
    this.borrowers = borrowers;
    this.eligibility = eligibility;
  }

  @Operation(
      operationId = "createBorrower",
      summary = "Onboard a borrower",
      description =
          "Creates a borrower from its company registration number, checked first (SIREN Luhn,"
              + " Spanish NIF/CIF, Belgian KBO, Dutch KvK, German register number or VAT id), then"
              + " asks the company registry and decides eligibility. With `wait_for_ready` the"
              + " answer waits until that is settled (`TO_SIGN`, `READY` or `REFUSED`).")
  @ProblemResponse(
      status = 409,
      description =
          "`duplicate_identifier`: this platform already onboarded the company;"
              + " `existing_borrower_id` names it")
  @PostMapping(path = "/borrowers", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public BorrowerResponse create(
      Platform platform, @Valid @RequestBody CreateBorrowerRequest body) {
    return borrowers.create(platform, body);
  }

  @Operation(operationId = "getBorrower", summary = "Get a borrower")
  @GetMapping("/borrower/{id}")
  public BorrowerResponse get(Platform platform, @PathVariable String id) {
    return borrowers.get(platform, id);
  }

  @Operation(
      operationId = "listBorrowers",
      summary = "List borrowers",
      description = "Newest first by default; cursor pagination.")
  @GetMapping("/borrowers")
  public PageResponse<BorrowerResponse> list(
      Platform platform,
      @Parameter(description = "Only borrowers in this status.") @RequestParam(required = false)
          BorrowerStatus status,
      @Parameter(description = "Only the borrower with this registration number.")
          @RequestParam(name = "borrower_identifier", required = false)
          String identifier,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "page_size", required = false) Integer pageSize,
      @RequestParam(name = "sort_by", required = false) String sortBy) {
    return borrowers.list(
        platform, status, identifier, PageRequest.parse(cursor, pageSize, sortBy));
  }

  @Operation(
      operationId = "signBorrower",
      summary = "Record the T&Cs signature",
      description =
          "The borrower accepted the terms and conditions at `signed_at` (not in the future). The"
              + " credit line opens next; with `wait_for_ready` the answer waits for it (`READY`).")
  @ProblemResponse(
      status = 409,
      description = "`invalid_state`: the borrower cannot sign now (refused or deactivated)")
  @PostMapping(path = "/borrower/{id}/sign", consumes = MediaType.APPLICATION_JSON_VALUE)
  public BorrowerResponse sign(
      Platform platform, @PathVariable String id, @Valid @RequestBody SignRequest body) {
    return borrowers.sign(platform, id, body);
  }

  @Operation(
      operationId = "addRepaymentMethod",
      summary = "Add a repayment method",
      description =
          "`DIRECT_DEBIT`: Avance debits the borrower under a SEPA mandate created here; needs"
              + " `from_account` (IBAN and BIC), `business_email` and the `legal_representative`"
              + " (an adult's birth date, nationality, country of residence). `SCT`: the borrower"
              + " or the platform transfers to the borrower's virtual IBAN, or Avance debits the"
              + " optional wallet `from_account`.")
  @ProblemResponse(
      status = 409,
      description = "`invalid_state`: the borrower cannot take a repayment method now")
  @PostMapping(
      path = "/borrower/{id}/repayment-methods",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public RepaymentMethodResponse addRepaymentMethod(
      Platform platform, @PathVariable String id, @Valid @RequestBody RepaymentMethodRequest body) {
    return borrowers.addRepaymentMethod(platform, id, body);
  }

  @Operation(operationId = "listRepaymentMethods", summary = "List a borrower's repayment methods")
  @GetMapping("/borrower/{id}/repayment-methods")
  public PageResponse<RepaymentMethodResponse> repaymentMethods(
      Platform platform, @PathVariable String id) {
    return borrowers.repaymentMethods(platform, id);
  }

  @Operation(
      operationId = "submitFinancialData",
      summary = "Submit financial data",
      description =
          "Annual revenue, sales history and whether accounting data was provided: stored, then"
              + " the credit line is rescored and renewed. Answers the new credit line.")
  @ProblemResponse(
      status = 409,
      description =
          "`invalid_state`: the borrower cannot be rescored now, or has no credit line yet (not"
              + " signed); the data is kept")
  @PostMapping(path = "/borrower/{id}/financial-data", consumes = MediaType.APPLICATION_JSON_VALUE)
  public CreditLineResponse submitFinancialData(
      Platform platform, @PathVariable String id, @Valid @RequestBody FinancialDataRequest body) {
    return borrowers.submitFinancialData(platform, id, body);
  }

  @Operation(
      operationId = "getCreditLine",
      summary = "Get a borrower's credit line",
      description =
          "What the borrower can borrow now (`available_amount`); 404 until the borrower has"
              + " signed and the line is open.")
  @GetMapping("/borrower/{id}/credit-line")
  public CreditLineResponse creditLine(Platform platform, @PathVariable String id) {
    return borrowers.creditLine(platform, id);
  }

  @Operation(
      operationId = "getBorrowerEligibility",
      summary = "Whether to show \"Cash in now\"",
      description =
          "`can_request_loan` is true only when a loan of `minimum_amount` would be accepted now;"
              + " otherwise `reasons` lists every reason, with the `denial_reason` code a loan"
              + " would get.")
  @GetMapping("/borrower/{id}/eligibility")
  public EligibilityResponse eligibility(Platform platform, @PathVariable String id) {
    return eligibility.eligibility(platform, id);
  }

  @Operation(operationId = "listCreditLines", summary = "List credit lines of a borrower")
  @GetMapping("/credit-lines")
  public PageResponse<CreditLineResponse> creditLines(
      Platform platform,
      @Parameter(description = "The borrower's id.") @RequestParam(name = "borrower")
          String borrowerId) {
    return borrowers.creditLines(platform, borrowerId);
  }
}
