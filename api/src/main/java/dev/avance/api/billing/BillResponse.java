package dev.avance.api.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.avance.activities.billing.BillLineKind;
import dev.avance.workflows.billing.BillStatus;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A bill as the API returns it; amounts in euro cents. {@code start_date} and {@code end_date} are
 * the first and last day of the billed month; {@code lines} only on GET /bill/{id}.
 */
public record BillResponse(
    String id,
    @Schema(implementation = BillStatus.class) String status,
    String period,
    LocalDate startDate,
    LocalDate endDate,
    String payerType,
    String payerId,
    String billedBorrowerId,
    LocalDate billDate,
    LocalDate dueDate,
    long toPayAmount,
    String currency,
    int loansCount,
    Payment payment,
    @Schema(description = "Where and how to pay the bill by transfer.")
        PaymentInstructions paymentInstructions,
    Instant paidAt,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Line> lines) {

  /**
   * A transfer to {@code account_number} quoting {@code reference} pays the bill, matched by Avance
   * without any call: the borrower's virtual IBAN for a borrower's bill, Avance's account for a
   * platform's.
   */
  public record PaymentInstructions(
      @Schema(description = "IBAN to pay to.") String accountNumber,
      @Schema(description = "BIC of that account.") String bankIdentifier,
      @Schema(description = "ISO 11649 RF reference to quote.") String reference) {}

  /** The direct debit collecting a borrower's bill. */
  public record Payment(
      String id,
      @Schema(implementation = PaymentType.class) String paymentType,
      @Schema(implementation = PaymentStatus.class) String status,
      String failureReason,
      LocalDate collectionDate) {}

  /**
   * One loan on the bill: the days charged, [{@code first_day}, {@code last_day}], those with
   * principal outstanding ({@code days}), the principal summed over them ({@code principal_days},
   * in cent-days), the loan's amount ({@code principal}), the exact interest in cents with 4
   * decimals as a string ({@code exact_interest}) and the cents billed ({@code amount}). A loan's
   * amounts over all its bills add up to its total exact interest rounded once.
   *
   * <p>{@code kind} is INTEREST, or PENALTY for the optional penalty on late principal: a line of
   * its own for the same loan and days, whose {@code days} and {@code principal_days} count only
   * the days after the due date, whose {@code exact_interest} is the exact penalty and whose {@code
   * amount} is that penalty rounded once.
   */
  public record Line(
      BillLineKind kind,
      String loanId,
      LocalDate firstDay,
      LocalDate lastDay,
      int days,
      long principal,
      long principalDays,
      String exactInterest,
      long amount) {}
}
