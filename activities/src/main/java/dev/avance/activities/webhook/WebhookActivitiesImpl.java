package dev.avance.activities.webhook;

import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.webhook.DeliveryAttempt;
import dev.avance.workflows.webhook.DeliveryFailed;
import dev.avance.workflows.webhook.WebhookActivities;
import dev.avance.workflows.webhook.WebhookDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

@Component
public class WebhookActivitiesImpl implements WebhookActivities {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebhookRepository webhooks;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public WebhookActivitiesImpl(WebhookRepository webhooks, Clock clock) {
    this.webhooks = webhooks;
    this.clock = clock;
  }

  @Override
  public DeliveryAttempt deliver(WebhookDelivery delivery) {
    String[] endpoint = webhooks.endpoint(delivery.subscriptionId()).orElse(null);
    if (endpoint == null) {
      // Deleted meanwhile: nobody to deliver to, and nothing to retry.
      webhooks.markFailed(delivery.deliveryId(), "subscription deleted", clock.instant());
      return new DeliveryAttempt(delivery.deliveryId(), 0);
    }
    long now = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint[0]))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Avance-Webhooks/1")
            .header("Avance-Event-Id", Long.toString(delivery.eventId()))
            .header(
                WebhookSignature.HEADER,
                WebhookSignature.header(endpoint[1], now, delivery.payloadJson()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payloadJson()))
            .build();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      webhooks.recordAttempt(delivery.deliveryId(), false, null, e.toString(), clock.instant());
      throw new IllegalStateException("delivery failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    boolean delivered = status >= 200 && status < 300;
    webhooks.recordAttempt(
        delivery.deliveryId(),
        delivered,
        status,
        delivered ? null : "HTTP " + status,
        clock.instant());
    if (!delivered) {
      throw new IllegalStateException("receiver answered HTTP " + status);
    }
    return new DeliveryAttempt(delivery.deliveryId(), status);
  }

  @Override
  public Done markFailed(DeliveryFailed failure) {
    webhooks.markFailed(failure.deliveryId(), failure.reason(), clock.instant());
    return new Done(true);
  }
}
