package dev.avance.worker.webhook;

import dev.avance.activities.webhook.WebhookRepository;
import dev.avance.activities.webhook.WebhookRepository.PendingEvent;
import dev.avance.activities.webhook.WebhookRepository.Subscription;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.api.webhook.EventPayloads;
import dev.avance.workflows.webhook.WebhookDelivery;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox relay: turns each new domain event into one delivery workflow per subscription that
 * wants it, then marks the event dispatched. A crash in between only repeats work that the
 * delivery's business id makes idempotent. Several workers may relay at once for the same reason.
 */
@Component
@ConditionalOnProperty(name = "avance.worker.enabled", havingValue = "true", matchIfMissing = true)
public class WebhookDispatcher {
  private static final int BATCH = 200;

  private final WebhookRepository webhooks;
  private final EventPayloads payloads;
  private final WorkflowGateway workflows;
  private final Clock clock;

  public WebhookDispatcher(
      WebhookRepository webhooks, EventPayloads payloads, WorkflowGateway workflows, Clock clock) {
    this.webhooks = webhooks;
    this.payloads = payloads;
    this.workflows = workflows;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${avance.webhooks.dispatch-interval-ms:1000}")
  public void dispatch() {
    List<PendingEvent> events = webhooks.undispatched(BATCH);
    Map<String, List<Subscription>> byPlatform = new HashMap<>();
    for (PendingEvent event : events) {
      List<Subscription> wanting =
          byPlatform.computeIfAbsent(event.platformId(), webhooks::active).stream()
              .filter(s -> s.wants(event.eventType()))
              .toList();
      if (!wanting.isEmpty()) {
        String payload = payloads.render(event);
        for (Subscription subscription : wanting) {
          String deliveryId = subscription.id() + "-" + event.id();
          webhooks.createDelivery(deliveryId, subscription, event, clock.instant());
          workflows.deliverWebhook(
              new WebhookDelivery(deliveryId, subscription.id(), event.id(), payload));
        }
      }
      webhooks.markDispatched(event.id(), clock.instant());
    }
  }
}
