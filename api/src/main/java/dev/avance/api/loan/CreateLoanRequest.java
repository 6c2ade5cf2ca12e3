package dev.avance.api.loan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/** POST /loans: finance (part of) an invoice now, repay on {@code to_repay_at}. */
public record CreateLoanRequest(
    @NotNull LoanType loanType,
    @NotBlank @Size(max = 64) String borrowerId,
    @NotNull @Positive Long amount,
    @NotNull @Valid InvoiceRequest invoice,
    @Valid AccountRequest toAccount,
    @NotNull @Valid AccountRequest loanTo,
    @NotNull LocalDate toPayAt,
    @NotNull LocalDate toRepayAt,
    Boolean autoValidate,
    @NotBlank @Size(max = 128) String saltId,
    Boolean waitForValidation,
    @Size(max = 50, message = "at most 50 keys") Map<String, Object> metadata) {

  /** The invoice being financed. */
  public record InvoiceRequest(
      @NotBlank @Size(max = 64) String number,
      @NotNull @Positive Long amount,
      LocalDate issueDate,
      LocalDate dueDate,
      @Valid DebtorRequest debtor) {}

  /** The invoice's debtor, the platform user's B2B customer. */
  public record DebtorRequest(@Size(max = 200) String name, @Size(max = 32) String identifier) {}

  /** A bank account: its IBAN, and optionally the BIC. */
  public record AccountRequest(
      @NotBlank @Size(max = 42) String accountNumber, @Size(max = 11) String bankIdentifier) {}
}
