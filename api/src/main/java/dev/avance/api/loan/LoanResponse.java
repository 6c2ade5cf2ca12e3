package dev.avance.api.loan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.avance.activities.ledger.WriteOffReason;
import dev.avance.workflows.borrower.PaymentMethod;
import dev.avance.workflows.loan.DelinquencyStage;
import dev.avance.workflows.loan.LoanStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A loan as the API returns it; amounts in euro cents. */
public record LoanResponse(
    @Schema(description = "The loan's id, derived from your `salt_id`.") String id,
    @Schema(implementation = LoanType.class) String loanType,
    @Schema(
            implementation = LoanStatus.class,
            description =
                "SUBMITTED, PENDING_VALIDATION, then DECLINED, TO_VALIDATE or VALIDATED;"
                    + " SCHEDULED, INITIATED (payout sent), TO_REPAY, TO_REPAY_FEES, CLOSED;"
                    + " CANCELED; ISSUE_DETECTED when the payout failed.")
        String status,
    @Schema(
            description =
                "Why the loan is DECLINED: BORROWER_TO_SIGN, BORROWER_STATUS,"
                    + " LATE_REPAYMENT_BORROWER, MISSING_DATA, CREDIT_LINE_EXPIRED,"
                    + " CREDIT_LINE_BLOCKED, INVOICE_ALREADY_FINANCED,"
                    + " EXCESSIVE_DURATION_LOAN_REQUEST, AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT,"
                    + " MAX_AMOUNT_EXCEEDED_BORROWER, AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE,"
                    + " TERMS_NOT_ACCEPTED (a newer version of the T&Cs to sign), ...",
            example = "AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE")
        String denialReason,
    String borrowerId,
    @Schema(description = "The principal, in euro cents.", example = "50000") long amount,
    @Schema(example = "EUR") String currency,
    @Schema(description = "Principal not repaid yet, in cents.") long outstandingAmount,
    Invoice invoice,
    @Schema(description = "The IBAN on the invoice.") Account toAccount,
    @Schema(description = "Where the loan is paid out.") Account loanTo,
    @Schema(description = "The payout day.") LocalDate toPayAt,
    @Schema(description = "The repayment day.") LocalDate toRepayAt,
    @Schema(description = "When the payout settled.") Instant paidAt,
    @Schema(description = "When the principal was repaid in full.") Instant repaidAt,
    @Schema(description = "TO_REPAY past its repayment day.") boolean isLate,
    @Schema(description = "Days past the repayment day, while late.") long daysLate,
    @Schema(
            implementation = DelinquencyStage.class,
            description =
                "Where a late loan is in collections: CURRENT, then LATE (D+1), OVERDUE (D+4),"
                    + " COLLECTIONS (D+15), DEFAULTED (D+60).")
        String delinquencyStage,
    @Schema(description = "Whether the one postponement was used.") boolean postponed,
    boolean autoValidate,
    String saltId,
    @Schema(
            description =
                "Interest from the payout day to the repayment day, in cents (0.05 % a day).",
            example = "750")
        long feesEstimated,
    @Schema(
            description =
                "Interest accrued so far on the principal actually outstanding each day, in"
                    + " cents: what billing bills for those days.")
        long feesOngoing,
    @Schema(description = "Interest billed and not paid yet, in cents.") long interestDue,
    @Schema(description = "When an operator wrote the loan off; null otherwise.")
        Instant writtenOffAt,
    @Schema(
            implementation = WriteOffReason.class,
            description = "Why the loan was written off; null otherwise.")
        String writeOffReason,
    @Schema(description = "What will next happen to the loan, and when.")
        NextActionResponse nextAction,
    @Schema(implementation = PaymentMethod.class, description = "How the loan is repaid.")
        String repaymentMethod,
    @Schema(
            description = "The ISO 11649 creditor reference to quote on a repayment transfer.",
            example = "RF18539007547034")
        String repaymentReference,
    @Schema(implementation = Map.class, description = "Your own key-value data, as sent.")
        @JsonRawValue
        String metadata,
    Instant createdAt,
    Instant updatedAt) {

  /** The financed invoice. */
  @Schema(description = "The financed invoice; amounts in cents.")
  public record Invoice(
      String number,
      long amount,
      // Named explicitly: swagger-core would otherwise take "is" for a prefix and say issueDate.
      @JsonProperty("issue_date") LocalDate issueDate,
      LocalDate dueDate,
      Debtor debtor) {}

  /** The invoice's debtor. */
  @Schema(description = "The invoice's debtor, the borrower's B2B customer.")
  public record Debtor(String name, String identifier) {}

  /** IBAN and BIC. */
  @Schema(name = "LoanAccount", description = "An IBAN and its bank's BIC.")
  public record Account(String accountNumber, String bankIdentifier) {}
}
