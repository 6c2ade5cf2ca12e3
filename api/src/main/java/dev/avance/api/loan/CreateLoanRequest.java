package dev.avance.api.loan;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/** POST /loans: finance (part of) an invoice now, repay on {@code to_repay_at}. */
public record CreateLoanRequest(
    @NotNull LoanType loanType,
    @Schema(description = "A READY borrower of yours.") @NotBlank @Size(max = 64) String borrowerId,
    @Schema(
            description = "The principal in euro cents; at most the invoice's amount.",
            example = "50000")
        @NotNull
        @Positive
        @Max(CreateLoanRequest.MAX_CENTS)
        Long amount,
    @NotNull @Valid InvoiceRequest invoice,
    @Schema(description = "The IBAN on the invoice; usually the same as `loan_to`.") @Valid
        AccountRequest toAccount,
    @Schema(description = "The borrower's account or wallet the loan is paid out to.")
        @NotNull
        @Valid
        AccountRequest loanTo,
    @Schema(description = "The payout day: today, or up to 60 days ahead.") @NotNull
        LocalDate toPayAt,
    @Schema(description = "The repayment day: 1 to 120 days after the payout day.") @NotNull
        LocalDate toRepayAt,
    @Schema(
            description =
                "Default true: an accepted loan is paid out at once; false waits for"
                    + " `POST /loan/{id}/validate`.")
        Boolean autoValidate,
    @Schema(
            description = "Your unique id of this request: sending it again answers the same loan.",
            example = "order-2026-0042")
        @NotBlank
        @Size(max = 128)
        String saltId,
    @Schema(description = "Answer once the loan is accepted or declined.")
        Boolean waitForValidation,
    @Schema(description = "Your own key-value data, returned as sent (at most 50 keys).")
        @Size(max = 50, message = "at most 50 keys")
        Map<String, Object> metadata) {

  /**
   * The largest amount taken at all, 1 billion euros: far above any invoice financed here, and far
   * below where interest in cents could overflow. Business limits (the line, the per-loan cap)
   * decline a loan; this refuses a number.
   */
  public static final long MAX_CENTS = 100_000_000_000L;

  /** The invoice being financed. */
  @Schema(description = "The invoice being financed.")
  public record InvoiceRequest(
      @Schema(description = "The invoice's number; one loan per invoice.", example = "INV-0042")
          @NotBlank
          @Size(max = 64)
          String number,
      @Schema(description = "The invoice's total, in euro cents.", example = "100000")
          @NotNull
          @Positive
          @Max(CreateLoanRequest.MAX_CENTS)
          Long amount,
      // Named explicitly: swagger-core would otherwise take "is" for a prefix and say issueDate.
      @JsonProperty("issue_date") LocalDate issueDate,
      LocalDate dueDate,
      @Valid DebtorRequest debtor) {}

  /** The invoice's debtor, the platform user's B2B customer. */
  @Schema(description = "The invoice's debtor, the borrower's B2B customer.")
  public record DebtorRequest(
      @Schema(example = "Debtor SA") @Size(max = 200) String name,
      @Schema(description = "The debtor's registration number.", example = "732829320")
          @Size(max = 32)
          String identifier) {}

  /** A bank account: its IBAN, and optionally the BIC. */
  @Schema(description = "A bank account: its IBAN, and optionally the BIC.")
  public record AccountRequest(
      @Schema(example = "FR1420041010050500013M02606") @NotBlank @Size(max = 42)
          String accountNumber,
      @Schema(example = "PSSTFRPPPAR") @Size(max = 11) String bankIdentifier) {}
}
