package dev.avance.workflows.refund;

import dev.avance.workflows.common.ActivityPolicies;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentRef;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

public class RefundWorkflowImpl implements RefundWorkflow {
  private final RefundActivities credits =
      Workflow.newActivityStub(
          RefundActivities.class,
          ActivityPolicies.persistent(Duration.ofSeconds(30), "The credit's refundable amount"));
  private final PaymentActivities bank =
      Workflow.newActivityStub(
          PaymentActivities.class,
          ActivityPolicies.persistent(Duration.ofSeconds(30), "Send the refund to the bank"));
  private final PaymentActivities settlement =
      Workflow.newActivityStub(
          PaymentActivities.class, ActivityPolicies.settlement("Wait for the bank to pay it"));

  @Override
  public RefundOutcome refund(RefundRequest request) {
    RefundClaim claim = credits.claimRefund(request);
    Workflow.setCurrentDetails(
        "**Refund** of " + claim.amountCents() + " cents from credit " + claim.bankReference());
    String paymentId = RefundWorkflow.paymentId(claim.bankReference());
    PaymentView payment =
        bank.instruct(
            new InstructPayment(
                paymentId,
                claim.bankReference(),
                claim.platformId(),
                claim.borrowerId(),
                PaymentType.REFUND,
                claim.amountCents(),
                claim.payeeIban(),
                null,
                null,
                "REFUND " + claim.bankReference(),
                null,
                now(),
                claim.payeeName()));
    if (payment.status() == PaymentStatus.INSTRUCTED) {
      payment = settlement.awaitOutcome(new PaymentRef(paymentId));
    }
    RefundOutcome outcome =
        new RefundOutcome(
            claim.bankReference(),
            paymentId,
            claim.amountCents(),
            payment.status(),
            payment.failureReason(),
            now());
    credits.completeRefund(outcome);
    Workflow.setCurrentDetails(
        "**Refund** of " + claim.amountCents() + " cents: " + payment.status());
    return outcome;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
