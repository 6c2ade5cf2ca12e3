package dev.avance.api.borrower;

import dev.avance.activities.platform.Platform;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.workflows.borrower.BorrowerStatus;
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
public class BorrowerController {
  private final BorrowerService borrowers;

  public BorrowerController(BorrowerService borrowers) {
    this.borrowers = borrowers;
  }

  @PostMapping(path = "/borrowers", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public BorrowerResponse create(
      Platform platform, @Valid @RequestBody CreateBorrowerRequest body) {
    return borrowers.create(platform, body);
  }

  @GetMapping("/borrower/{id}")
  public BorrowerResponse get(Platform platform, @PathVariable String id) {
    return borrowers.get(platform, id);
  }

  @GetMapping("/borrowers")
  public PageResponse<BorrowerResponse> list(
      Platform platform,
      @RequestParam(required = false) BorrowerStatus status,
      @RequestParam(name = "borrower_identifier", required = false) String identifier,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "page_size", required = false) Integer pageSize,
      @RequestParam(name = "sort_by", required = false) String sortBy) {
    return borrowers.list(
        platform, status, identifier, PageRequest.parse(cursor, pageSize, sortBy));
  }

  @PostMapping(path = "/borrower/{id}/sign", consumes = MediaType.APPLICATION_JSON_VALUE)
  public BorrowerResponse sign(
      Platform platform, @PathVariable String id, @Valid @RequestBody SignRequest body) {
    return borrowers.sign(platform, id, body);
  }

  @PostMapping(
      path = "/borrower/{id}/repayment-methods",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public RepaymentMethodResponse addRepaymentMethod(
      Platform platform, @PathVariable String id, @Valid @RequestBody RepaymentMethodRequest body) {
    return borrowers.addRepaymentMethod(platform, id, body);
  }

  @GetMapping("/borrower/{id}/repayment-methods")
  public PageResponse<RepaymentMethodResponse> repaymentMethods(
      Platform platform, @PathVariable String id) {
    return borrowers.repaymentMethods(platform, id);
  }

  @PostMapping(path = "/borrower/{id}/financial-data", consumes = MediaType.APPLICATION_JSON_VALUE)
  public CreditLineResponse submitFinancialData(
      Platform platform, @PathVariable String id, @Valid @RequestBody FinancialDataRequest body) {
    return borrowers.submitFinancialData(platform, id, body);
  }

  @GetMapping("/borrower/{id}/credit-line")
  public CreditLineResponse creditLine(Platform platform, @PathVariable String id) {
    return borrowers.creditLine(platform, id);
  }

  @GetMapping("/credit-lines")
  public PageResponse<CreditLineResponse> creditLines(
      Platform platform, @RequestParam(name = "borrower") String borrowerId) {
    return borrowers.creditLines(platform, borrowerId);
  }
}
