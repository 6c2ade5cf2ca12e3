package dev.avance.api.borrower;

import dev.avance.workflows.credit.CreditLineView;
import dev.avance.workflows.rules.CreditScoring;
import java.math.BigDecimal;
import java.time.Instant;

/** A borrower's credit line; amounts in euro cents, the daily rate in percent. */
public record CreditLineResponse(
    String borrowerId,
    String currency,
    long maxAmount,
    long availableAmount,
    long outstandingAmount,
    long pendingAmount,
    long maxAmountPerLoan,
    BigDecimal feesDailyRate,
    String status,
    String statusReason,
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
