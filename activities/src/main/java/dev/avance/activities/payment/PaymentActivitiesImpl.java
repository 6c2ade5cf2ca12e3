package dev.avance.activities.payment;

import dev.avance.activities.bank.BankDirection;
import dev.avance.activities.bank.BankInstruction;
import dev.avance.activities.bank.BankOutcome;
import dev.avance.activities.bank.BankTransferStatus;
import dev.avance.activities.bank.SepaBank;
import dev.avance.activities.payment.PaymentRepository.PaymentRow;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentRef;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payouts and direct debits: the {@code payments} read model and the {@link SepaBank}, each method
 * one transaction (DESIGN.md §6, invariant 3: a payment is sent to the bank at most once per
 * payment id, whatever is retried or restarted).
 *
 * <p>A payment id that does not exist is a non-retryable {@link ApplicationFailure} typed {@link
 * FailureType#INVALID_STATE}; a malformed command is a non-retryable failure typed {@code
 * java.lang.IllegalArgumentException}. A payment still pending at the bank, and database errors,
 * are plain exceptions left to Temporal's retry policy.
 */
@Component
public class PaymentActivitiesImpl implements PaymentActivities {
  private static final String INVALID_ARGUMENT = IllegalArgumentException.class.getName();

  private final PaymentRepository payments;
  private final SepaBank bank;
  private final Clock clock;

  public PaymentActivitiesImpl(PaymentRepository payments, SepaBank bank, Clock clock) {
    this.payments = payments;
    this.bank = bank;
    this.clock = clock;
  }

  /**
   * Records the payment INSTRUCTED and hands it to the bank, in one transaction. If the payment id
   * is already recorded, the recorded payment is returned unchanged (whatever this command says)
   * and the bank is not called again; a payment id recorded for another loan, platform or type
   * fails with INVALID_STATE. Concurrent calls with one payment id serialize on its primary key:
   * one inserts and calls the bank, the others wait for its commit and return its row.
   */
  @Override
  @Transactional
  public PaymentView instruct(InstructPayment command) {
    validate(command);
    if (payments.insertIfAbsent(command) == 0) {
      PaymentRow existing = row(command.paymentId());
      if (!existing.loanId().equals(command.loanId())
          || !existing.platformId().equals(command.platformId())
          || existing.type() != command.type()) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Payment " + command.paymentId() + " was instructed for another loan or type",
            FailureType.INVALID_STATE.type(),
            existing.status().name());
      }
      return existing.view();
    }
    // The simulated bank writes its ledger in this same database and transaction: the payment row
    // and the bank's receipt commit together or not at all. A real bank adapter cannot join the
    // transaction; it needs either an outbox (commit the row plus a "to send" record, then send
    // from the outbox) or, as here, the bank's own idempotency key: the payment id is sent as the
    // end-to-end id / idempotency key, so after a crash between the bank's acceptance and this
    // commit, the retried activity submits again and the bank returns its first receipt instead
    // of paying twice. That idempotency by payment id is what makes the crash window safe.
    bank.submit(
        new BankInstruction(
            command.paymentId(),
            command.type() == PaymentType.PAYOUT ? BankDirection.OUT : BankDirection.DEBIT,
            command.amountCents(),
            command.iban(),
            command.bic(),
            command.mandateReference(),
            command.remittanceReference(),
            command.executionDate()));
    PaymentRow row = row(command.paymentId());
    // An instant payment is settled or rejected on receipt: the caller need not ask again.
    BankOutcome outcome = bank.outcome(row.paymentId());
    return outcome.status() == BankTransferStatus.PENDING ? row.view() : applyOutcome(row, outcome);
  }

  /**
   * Asks the bank and records its outcome: SETTLED makes the payment PAID (paid_at is the bank's
   * settlement time), REJECTED makes it FAILED with the bank's reason, RETURNED makes it RETURNED
   * with the R-code in failure_reason (also after it was PAID: a return can come days later, so
   * asking again picks it up). A CANCELED payment (or an incoming transfer) is returned as it is.
   * While the bank has not executed it, throws a retryable {@link IllegalStateException} ("payment
   * X is still pending"), so that the workflow waits through the retry policy without a history
   * event per check.
   *
   * <p>The caller should set a retry policy such as initial interval 1 s, backoff coefficient 2,
   * maximum interval 1 h, and a schedule-to-close timeout bounding the whole wait (e.g. a few days
   * past the execution date), with a short start-to-close timeout per attempt.
   */
  @Override
  @Transactional
  public PaymentView awaitOutcome(PaymentRef payment) {
    PaymentRow row = locked(payment);
    if (row.type() == PaymentType.INCOMING_TRANSFER || row.status() == PaymentStatus.CANCELED) {
      return row.view();
    }
    BankOutcome outcome = bank.outcome(row.paymentId());
    if (outcome.status() == BankTransferStatus.PENDING) {
      throw new IllegalStateException(
          "payment "
              + row.paymentId()
              + " is still pending (settles on "
              + outcome.settlesOn()
              + ")");
    }
    return applyOutcome(row, outcome);
  }

  /**
   * Withdraws the payment from the bank and marks it CANCELED. Idempotent: a CANCELED payment is
   * returned as it is. A payment the bank already executed, rejected or returned cannot be
   * withdrawn: it is returned as the bank knows it (e.g. PAID), without failing.
   */
  @Override
  @Transactional
  public PaymentView cancel(PaymentRef payment) {
    PaymentRow row = locked(payment);
    if (row.type() == PaymentType.INCOMING_TRANSFER || row.status() != PaymentStatus.INSTRUCTED) {
      return row.view();
    }
    BankOutcome outcome = bank.withdraw(row.paymentId());
    if (outcome.status() == BankTransferStatus.PENDING) {
      // A bank that neither withdrew nor executed it: ask again later.
      throw new IllegalStateException("payment " + row.paymentId() + " could not be withdrawn yet");
    }
    return applyOutcome(row, outcome);
  }

  /** Brings the locked payment in line with the bank's (non-pending) outcome. */
  private PaymentView applyOutcome(PaymentRow row, BankOutcome outcome) {
    PaymentStatus status =
        switch (outcome.status()) {
          case SETTLED -> PaymentStatus.PAID;
          case REJECTED -> PaymentStatus.FAILED;
          case RETURNED -> PaymentStatus.RETURNED;
          case WITHDRAWN -> PaymentStatus.CANCELED;
          case PENDING -> throw new IllegalArgumentException("a pending outcome changes nothing");
        };
    // A debit returned after it settled keeps the day it was paid; a rejected one has none.
    Instant paidAt = outcome.settledAt();
    if (status == row.status()
        && Objects.equals(outcome.reason(), row.failureReason())
        && Objects.equals(paidAt, row.paidAt())) {
      return row.view();
    }
    payments.update(row.paymentId(), status, outcome.reason(), paidAt, clock.instant());
    return row(row.paymentId()).view();
  }

  private PaymentRow locked(PaymentRef payment) {
    if (payment == null || payment.paymentId() == null) {
      throw ApplicationFailure.newNonRetryableFailure("paymentId is required", INVALID_ARGUMENT);
    }
    return payments
        .lock(payment.paymentId())
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "No payment " + payment.paymentId(), FailureType.INVALID_STATE.type()));
  }

  private PaymentRow row(String paymentId) {
    return payments
        .find(paymentId)
        .orElseThrow(() -> new IllegalStateException("payment " + paymentId + " vanished"));
  }

  private static void validate(InstructPayment command) {
    require(command != null, "command is required");
    require(command.paymentId() != null, "paymentId is required");
    require(command.loanId() != null, "loanId is required");
    require(command.platformId() != null, "platformId is required");
    require(command.borrowerId() != null, "borrowerId is required");
    require(command.type() != null, "type is required");
    require(
        command.type() != PaymentType.INCOMING_TRANSFER,
        "an incoming transfer is received, not instructed");
    require(command.amountCents() > 0, "amountCents must be positive");
    require(command.iban() != null, "iban is required");
    require(command.at() != null, "at is required");
    if (command.type() == PaymentType.DIRECT_DEBIT) {
      require(command.mandateReference() != null, "a direct debit needs its mandateReference");
      require(command.executionDate() != null, "a direct debit needs its collection date");
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw ApplicationFailure.newNonRetryableFailure(message, INVALID_ARGUMENT);
    }
  }
}
