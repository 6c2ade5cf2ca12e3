package dev.avance.activities.webhook;

import dev.avance.activities.webhook.WebhookRepository.PendingEvent;
import dev.avance.activities.webhook.WebhookRepository.Subscription;
import dev.avance.workflows.webhook.WebhookDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox relay: turns each new domain event into one delivery per subscription that wants it,
 * then marks the event dispatched. A crash in between only repeats work that the delivery's
 * business id makes idempotent, so several nodes may relay at once.
 *
 * <p>Each event is relayed on its own: one that fails (its entity cannot be rendered, its delivery
 * cannot start) is retried with an exponential backoff and, after {@link #MAX_ATTEMPTS}, set aside
 * as dead with its deliveries {@code FAILED}, so that it never holds back the events after it, of
 * its platform or any other. The backoff adds up to about 17 minutes: long enough to outlast a
 * restart of Temporal, short enough that a platform sees the failure the same hour.
 */
public final class WebhookRelay {
  public static final int MAX_ATTEMPTS = 10;
  private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(WebhookRelay.class);

  private final WebhookRepository webhooks;
  private final Clock clock;

  public WebhookRelay(WebhookRepository webhooks, Clock clock) {
    this.webhooks = webhooks;
    this.clock = clock;
  }

  /**
   * Relays up to {@code batch} events: {@code render} gives a delivery's body, {@code start} starts
   * its (idempotent) delivery. Returns how many events were dispatched.
   */
  public int relay(
      int batch, Function<PendingEvent, String> render, Consumer<WebhookDelivery> start) {
    List<PendingEvent> events = webhooks.undispatched(clock.instant(), batch);
    Map<String, List<Subscription>> byPlatform = new HashMap<>();
    int dispatched = 0;
    for (PendingEvent event : events) {
      List<Subscription> wanting =
          byPlatform.computeIfAbsent(event.platformId(), webhooks::active).stream()
              .filter(s -> s.wants(event.eventType()))
              .toList();
      try {
        if (!wanting.isEmpty()) {
          String payload = render.apply(event);
          for (Subscription subscription : wanting) {
            String deliveryId = deliveryId(subscription, event);
            webhooks.createDelivery(deliveryId, subscription, event, clock.instant());
            start.accept(new WebhookDelivery(deliveryId, subscription.id(), event.id(), payload));
          }
        }
        webhooks.markDispatched(event.id(), clock.instant());
        dispatched++;
      } catch (RuntimeException e) {
        failed(event, wanting, e);
      }
    }
    return dispatched;
  }

  private void failed(PendingEvent event, List<Subscription> wanting, RuntimeException e) {
    // The exception's class only: its message may quote the entity, and so personal data.
    String error = e.getClass().getSimpleName();
    Instant now = clock.instant();
    int attemptsBefore = attempts(event);
    Instant next = now.plus(FIRST_DELAY.multipliedBy(1L << Math.min(attemptsBefore, 20)));
    if (attemptsBefore + 1 >= MAX_ATTEMPTS) {
      // Deliveries that were never made are made FAILED, so that the platform's delivery log
      // shows the event it did not get.
      for (Subscription subscription : wanting) {
        webhooks.createDelivery(deliveryId(subscription, event), subscription, event, now);
      }
    }
    int attempts = webhooks.recordDispatchFailure(event.id(), error, next, MAX_ATTEMPTS, now);
    if (attempts >= MAX_ATTEMPTS) {
      log.error(
          "Event {} ({}, {} {}) set aside after {} attempts: {}",
          event.id(),
          event.eventType(),
          event.entityType(),
          event.entityId(),
          attempts,
          error);
    } else {
      log.warn("Event {} not relayed (attempt {}): {}", event.id(), attempts, error);
    }
  }

  private int attempts(PendingEvent event) {
    return event.dispatchAttempts();
  }

  private static String deliveryId(Subscription subscription, PendingEvent event) {
    return subscription.id() + "-" + event.id();
  }
}
