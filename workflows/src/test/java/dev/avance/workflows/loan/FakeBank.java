package dev.avance.workflows.loan;

import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentRef;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bank that answers with the outcome the test chose, and counts what it received. Payouts are SCT
 * Inst, settled or rejected on receipt; direct debits are settled when asked afterwards, or, while
 * {@link #holdDebits} is set, stay pending until the test calls {@link #releaseDebits()}.
 */
class FakeBank implements PaymentActivities {
  final List<InstructPayment> instructed = new CopyOnWriteArrayList<>();
  final Map<String, InstructPayment> byId = new ConcurrentHashMap<>();
  volatile PaymentStatus payoutOutcome = PaymentStatus.PAID;
  volatile PaymentStatus debitOutcome = PaymentStatus.PAID;

  /** While true a debit's outcome is unknown: the bank's file has not come yet. */
  volatile boolean holdDebits;

  /**
   * The bank's answer to a withdrawal of a pending debit: CANCELED (withdrawn), INSTRUCTED
   * (refused, the debit goes on) or PAID (too late, it was collected).
   */
  volatile PaymentStatus cancelAnswer = PaymentStatus.CANCELED;

  final List<String> cancels = new CopyOnWriteArrayList<>();

  /** Debit outcomes the bank has decided while the others were held. */
  private final Map<String, PaymentStatus> decided = new ConcurrentHashMap<>();

  @Override
  public PaymentView instruct(InstructPayment command) {
    // Idempotent by payment id, as the real one.
    if (byId.putIfAbsent(command.paymentId(), command) == null) {
      instructed.add(command);
    }
    return view(
        byId.get(command.paymentId()),
        command.type() == PaymentType.PAYOUT ? payoutOutcome : PaymentStatus.INSTRUCTED);
  }

  @Override
  public PaymentView awaitOutcome(PaymentRef payment) {
    InstructPayment p = byId.get(payment.paymentId());
    if (p.type() == PaymentType.PAYOUT) {
      return view(p, payoutOutcome);
    }
    PaymentStatus outcome = decided.get(p.paymentId());
    if (outcome != null) {
      return view(p, outcome);
    }
    if (holdDebits) {
      // As the real one: a pending payment fails retryably, the workflow waits through retries.
      throw ApplicationFailure.newFailure(
          "payment " + p.paymentId() + " is still pending at the bank", "PENDING");
    }
    return view(p, debitOutcome);
  }

  @Override
  public PaymentView cancel(PaymentRef payment) {
    cancels.add(payment.paymentId());
    InstructPayment p = byId.get(payment.paymentId());
    PaymentStatus known = decided.get(p.paymentId());
    if (known != null || !holdDebits) {
      // Already settled one way or the other: the bank returns the payment as it is.
      return view(p, known != null ? known : debitOutcome);
    }
    if (cancelAnswer != PaymentStatus.INSTRUCTED) {
      decided.put(p.paymentId(), cancelAnswer);
    }
    return view(p, cancelAnswer);
  }

  /** The bank's file comes: every debit still pending ends with {@link #debitOutcome}. */
  void releaseDebits() {
    holdDebits = false;
  }

  List<InstructPayment> of(PaymentType type) {
    return instructed.stream().filter(p -> p.type() == type).toList();
  }

  private static PaymentView view(InstructPayment p, PaymentStatus status) {
    return new PaymentView(
        p.paymentId(),
        p.loanId(),
        p.type(),
        p.amountCents(),
        status,
        status == PaymentStatus.RETURNED ? "AM04" : null,
        p.executionDate(),
        p.at(),
        status == PaymentStatus.PAID ? p.at() : null);
  }
}
