package dev.avance.workflows.webhook;

import dev.avance.workflows.borrower.Done;
import io.temporal.activity.ActivityInterface;

/** Signed HTTP deliveries of domain events to the platforms' receivers. */
@ActivityInterface
public interface WebhookActivities {

  /**
   * POSTs the payload, signed with the subscription's secret; records the attempt. A non-2xx answer
   * or a network error fails the attempt retryably, so the workflow's retry policy backs off; a
   * deleted subscription ends the delivery without failing.
   */
  DeliveryAttempt deliver(WebhookDelivery delivery);

  Done markFailed(DeliveryFailed failure);
}
