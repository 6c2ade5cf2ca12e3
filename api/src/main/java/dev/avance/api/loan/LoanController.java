package dev.avance.api.loan;

import dev.avance.activities.platform.Platform;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.workflows.loan.LoanStatus;
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
public class LoanController {
  private final LoanService loans;

  public LoanController(LoanService loans) {
    this.loans = loans;
  }

  @PostMapping(path = "/loans", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public LoanResponse create(Platform platform, @Valid @RequestBody CreateLoanRequest body) {
    return loans.create(platform, body);
  }

  @GetMapping("/loans")
  public PageResponse<LoanResponse> list(
      Platform platform,
      @RequestParam(name = "status", required = false) List<LoanStatus> statuses,
      @RequestParam(name = "borrower_id", required = false) String borrowerId,
      @RequestParam(name = "is_late", required = false) Boolean late,
      @RequestParam(name = "to_repay_at_from", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate toRepayAtFrom,
      @RequestParam(name = "to_repay_at_to", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate toRepayAtTo,
      @RequestParam(name = "to_pay_at_from", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate toPayAtFrom,
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

  @GetMapping("/loan/{id}")
  public LoanResponse get(Platform platform, @PathVariable String id) {
    return loans.get(platform, id);
  }

  @PatchMapping(path = "/loan/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public LoanResponse change(
      Platform platform, @PathVariable String id, @Valid @RequestBody ChangeLoanRequest body) {
    return loans.changeDueDate(platform, id, body);
  }

  @PostMapping("/loan/{id}/validate")
  public LoanResponse validate(Platform platform, @PathVariable String id) {
    return loans.validate(platform, id);
  }

  @PostMapping("/loan/{id}/cancel")
  public LoanResponse cancel(Platform platform, @PathVariable String id) {
    return loans.cancel(platform, id);
  }

  @GetMapping("/loan/{id}/events")
  public PageResponse<LoanEventResponse> events(Platform platform, @PathVariable String id) {
    return loans.events(platform, id);
  }

  @GetMapping("/loan/{id}/repayment-details")
  public RepaymentDetailsResponse repaymentDetails(Platform platform, @PathVariable String id) {
    return loans.repaymentDetails(platform, id);
  }

  @GetMapping("/payments")
  public PageResponse<PaymentResponse> payments(
      Platform platform, @RequestParam(name = "loan_id") String loanId) {
    return loans.payments(platform, loanId);
  }
}
