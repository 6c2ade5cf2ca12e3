package dev.avance.workflows.webhook;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {
  /** Receivers get at least a day to come back: at-least-once delivery, deduped by event id. */
  static final Duration RETRY_WINDOW = Duration.ofHours(25);

  private final WebhookActivities webhooks =
      Workflow.newActivityStub(
          WebhookActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setScheduleToCloseTimeout(RETRY_WINDOW)
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofHours(1))
                      .build())
              .setSummary("POST the signed event")
              .build());

  private final WebhookActivities bookkeeping =
      Workflow.newActivityStub(
          WebhookActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

  @Override
  public DeliveryAttempt deliver(WebhookDelivery delivery) {
    try {
      return webhooks.deliver(delivery);
    } catch (ActivityFailure e) {
      bookkeeping.markFailed(
          new DeliveryFailed(delivery.deliveryId(), "gave up after " + RETRY_WINDOW));
      return new DeliveryAttempt(delivery.deliveryId(), 0);
    }
  }
}
