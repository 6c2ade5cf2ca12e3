package dev.avance.workflows.refund;

import dev.avance.workflows.borrower.Done;
import io.temporal.activity.ActivityInterface;

/** The credit side of a refund; the payment itself goes through the payment activities. */
@ActivityInterface
public interface RefundActivities {

  /**
   * What the credit holds to pay back now: a parked credit's whole amount, or what an applied
   * credit paid beyond its loan or bill once that loan no longer takes repayments; less what was
   * refunded. Fails with NOTHING_TO_REFUND (non-retryable) when that is nothing or the payer's
   * account is unknown. Changes nothing.
   */
  RefundClaim claimRefund(RefundRequest request);

  /** Records the refund's outcome on the credit: PAID makes the money REFUNDED. Idempotent. */
  Done completeRefund(RefundOutcome outcome);
}
