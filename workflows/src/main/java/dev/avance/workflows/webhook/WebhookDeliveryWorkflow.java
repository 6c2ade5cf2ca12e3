package dev.avance.workflows.webhook;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One workflow per (subscription, event): retries with backoff for at least 24 hours. */
@WorkflowInterface
public interface WebhookDeliveryWorkflow {

  static String workflowId(String deliveryId) {
    return "webhook-" + deliveryId;
  }

  @WorkflowMethod
  DeliveryAttempt deliver(WebhookDelivery delivery);
}
