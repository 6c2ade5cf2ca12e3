package dev.avance.workflows.billing;

import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentRef;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bank that settles debits at once with the outcome the test chose, idempotent by payment id. */
class FakeBillBank implements PaymentActivities {
  final List<InstructPayment> instructed = new CopyOnWriteArrayList<>();
  final Map<String, InstructPayment> byId = new ConcurrentHashMap<>();
  final Map<String, PaymentStatus> outcomes = new ConcurrentHashMap<>();

  @Override
  public PaymentView instruct(InstructPayment command) {
    if (byId.putIfAbsent(command.paymentId(), command) == null) {
      instructed.add(command);
    }
    return view(byId.get(command.paymentId()), PaymentStatus.INSTRUCTED);
  }

  @Override
  public PaymentView awaitOutcome(PaymentRef payment) {
    InstructPayment p = byId.get(payment.paymentId());
    return view(p, outcomes.getOrDefault(p.loanId(), PaymentStatus.PAID));
  }

  @Override
  public PaymentView cancel(PaymentRef payment) {
    return view(byId.get(payment.paymentId()), PaymentStatus.CANCELED);
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
        status == PaymentStatus.PAID
            ? p.executionDate().atStartOfDay(FakeBillingActivities.PARIS).toInstant()
            : null);
  }
}
