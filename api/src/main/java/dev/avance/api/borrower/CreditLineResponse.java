package dev.avance.api.borrower;

import dev.avance.workflows.credit.CreditLineStatus;
import dev.avance.workflows.credit.CreditLineView;
import dev.avance.workflows.rules.CreditScoring;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** A borrower's credit line; amounts in euro cents, the daily rate in percent. */
public record CreditLineResponse(
    String borrowerId,
    @Schema(example = "EUR") String currency,
    @Schema(description = "The line's limit, in cents.", example = "200000000") long maxAmount,
    @Schema(description = "What can be borrowed now: max - outstanding - pending, in cents.")
        long availableAmount,
    @Schema(description = "Principal paid out and not repaid yet, in cents.")
        long outstandingAmount,
    @Schema(description = "Held by loans accepted but not paid out yet, in cents.")
        long pendingAmount,
    @Schema(description = "The most one loan can be, in cents.") long maxAmountPerLoan,
    @Schema(description = "Interest per day, in percent of the principal.", example = "0.05")
        BigDecimal feesDailyRate,
    @Schema(implementation = CreditLineStatus.class) String status,
    @Schema(description = "Why the line is EXPIRED or BLOCKED.", example = "CREDIT_LINE_EXPIRED")
        String statusReason,
    @Schema(description = "When the line expires unless new financial data rescores it.")
        Instant expiresAt,
    Instant updatedAt) {

  static CreditLineResponse of(CreditLineView line) {
    return new CreditLineResponse(
        line.borrowerId(),
        "EUR",
        line.maxAmountCents(),
        line.availableAmountCents(),
        line.outstandingAmountCents(),
        line.pendingAmountCents(),
        Math.min(CreditScoring.PER_LOAN_CAP_CENTS, line.maxAmountCents()),
        line.feesDailyRatePercent().stripTrailingZeros(),
        line.status().name(),
        line.statusReason(),
        line.expiresAt(),
        line.updatedAt());
  }
}
