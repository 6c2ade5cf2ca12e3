package dev.avance.worker.webhook;

import dev.avance.activities.webhook.WebhookRelay;
import dev.avance.activities.webhook.WebhookRepository;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.api.webhook.EventPayloads;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox relay ({@link WebhookRelay}) on a fixed delay: bodies rendered as the entities'
 * GETs answer, each delivery a workflow.
 */
@Component
@ConditionalOnProperty(name = "avance.worker.enabled", havingValue = "true", matchIfMissing = true)
public class WebhookDispatcher {
  private static final int BATCH = 200;

  private final WebhookRelay relay;
  private final EventPayloads payloads;
  private final WorkflowGateway workflows;

  public WebhookDispatcher(
      WebhookRepository webhooks, EventPayloads payloads, WorkflowGateway workflows, Clock clock) {
    this.relay = new WebhookRelay(webhooks, clock);
    this.payloads = payloads;
    this.workflows = workflows;
  }

  @Scheduled(fixedDelayString = "${avance.webhooks.dispatch-interval-ms:1000}")
  public void dispatch() {
    relay.relay(BATCH, payloads::render, workflows::deliverWebhook);
  }
}
