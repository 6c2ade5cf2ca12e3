package dev.avance.workflows.loan;

import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentRef;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bank that answers with the outcome the test chose, and counts what it received. Payouts are SCT
 * Inst, settled or rejected on receipt; direct debits are settled when asked afterwards.
 */
class FakeBank implements PaymentActivities {
  final List<InstructPayment> instructed = new CopyOnWriteArrayList<>();
  final Map<String, InstructPayment> byId = new ConcurrentHashMap<>();
  volatile PaymentStatus payoutOutcome = PaymentStatus.PAID;
  volatile PaymentStatus debitOutcome = PaymentStatus.PAID;

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
    return view(p, p.type() == PaymentType.PAYOUT ? payoutOutcome : debitOutcome);
  }

  @Override
  public PaymentView cancel(PaymentRef payment) {
    return view(byId.get(payment.paymentId()), PaymentStatus.CANCELED);
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
