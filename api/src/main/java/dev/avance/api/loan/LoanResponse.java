package dev.avance.api.loan;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;

/** A loan as the API returns it; amounts in euro cents. */
public record LoanResponse(
    String id,
    String loanType,
    String status,
    String denialReason,
    String borrowerId,
    long amount,
    String currency,
    long outstandingAmount,
    Invoice invoice,
    Account toAccount,
    Account loanTo,
    LocalDate toPayAt,
    LocalDate toRepayAt,
    Instant paidAt,
    Instant repaidAt,
    boolean isLate,
    long daysLate,
    boolean postponed,
    boolean autoValidate,
    String saltId,
    long feesEstimated,
    long feesOngoing,
    String repaymentMethod,
    String repaymentReference,
    @JsonRawValue String metadata,
    Instant createdAt,
    Instant updatedAt) {

  /** The financed invoice. */
  public record Invoice(
      String number, long amount, LocalDate issueDate, LocalDate dueDate, Debtor debtor) {}

  /** The invoice's debtor. */
  public record Debtor(String name, String identifier) {}

  /** IBAN and BIC. */
  public record Account(String accountNumber, String bankIdentifier) {}
}
