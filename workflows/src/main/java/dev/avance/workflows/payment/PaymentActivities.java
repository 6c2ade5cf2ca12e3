package dev.avance.workflows.payment;

import io.temporal.activity.ActivityInterface;

/** The bank side of a loan: payouts and direct debits, each sent at most once per payment id. */
@ActivityInterface
public interface PaymentActivities {

  /**
   * Records the payment and hands it to the bank in one idempotent step: a retry returns the
   * recorded payment and never sends it twice. A payment the bank settles or rejects on receipt (an
   * SCT Inst payout) comes back PAID or FAILED; otherwise INSTRUCTED.
   */
  PaymentView instruct(InstructPayment command);

  /**
   * Returns once the bank has settled or rejected the payment (PAID, FAILED or RETURNED); while it
   * is still pending it fails retryably, so that the workflow waits through the retry policy
   * without a history event per check.
   */
  PaymentView awaitOutcome(PaymentRef payment);

  /** Withdraws a payment not yet sent to the bank (a debit whose loan was repaid by SCT). */
  PaymentView cancel(PaymentRef payment);
}
