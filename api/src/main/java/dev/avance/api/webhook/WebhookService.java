package dev.avance.api.webhook;

import dev.avance.activities.platform.ApiKeys;
import dev.avance.activities.platform.Platform;
import dev.avance.activities.webhook.WebhookRepository;
import dev.avance.activities.webhook.WebhookSignature;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
public class WebhookService {
  private final WebhookRepository webhooks;
  private final Clock clock;

  public WebhookService(WebhookRepository webhooks, Clock clock) {
    this.webhooks = webhooks;
    this.clock = clock;
  }

  public WebhookResponse create(Platform platform, CreateWebhookRequest request) {
    String id = UUID.randomUUID().toString();
    String secret = ApiKeys.generate("whsec_");
    var at = clock.instant();
    webhooks.create(id, platform.id(), request.toUrl(), request.eventTypes(), secret, at);
    return new WebhookResponse(
        id, request.toUrl(), request.eventTypes(), secret, WebhookSignature.HEADER, at);
  }

  public PageResponse<WebhookResponse> list(Platform platform) {
    return new PageResponse<>(
        webhooks.active(platform.id()).stream()
            .map(
                s ->
                    new WebhookResponse(
                        s.id(),
                        s.toUrl(),
                        s.eventTypes(),
                        null,
                        WebhookSignature.HEADER,
                        s.createdAt()))
            .toList(),
        null);
  }

  public void delete(Platform platform, String id) {
    if (!webhooks.delete(platform.id(), id, clock.instant())) {
      throw ApiException.notFound("Webhook " + id);
    }
  }

  public PageResponse<DeliveryResponse> deliveries(Platform platform, String id) {
    webhooks.find(platform.id(), id).orElseThrow(() -> ApiException.notFound("Webhook " + id));
    return new PageResponse<>(
        webhooks.deliveries(platform.id(), id, 100).stream()
            .map(
                d ->
                    new DeliveryResponse(
                        d.id(),
                        "evt_" + d.eventId(),
                        d.eventType(),
                        d.status(),
                        d.attempts(),
                        d.lastStatusCode(),
                        d.lastError(),
                        d.createdAt(),
                        d.deliveredAt()))
            .toList(),
        null);
  }
}
