package dev.avance.api.webhook;

import dev.avance.activities.platform.ApiKeys;
import dev.avance.activities.platform.Platform;
import dev.avance.activities.webhook.EgressPolicy;
import dev.avance.activities.webhook.WebhookRepository;
import dev.avance.activities.webhook.WebhookSignature;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
public class WebhookService {
  private final WebhookRepository webhooks;
  private final EgressPolicy egress;
  private final Clock clock;

  public WebhookService(WebhookRepository webhooks, EgressPolicy egress, Clock clock) {
    this.webhooks = webhooks;
    this.egress = egress;
    this.clock = clock;
  }

  public WebhookResponse create(Platform platform, CreateWebhookRequest request) {
    try {
      // The URL's own rules now; its host's addresses at every delivery (they can change).
      egress.check(request.toUrl(), platform.isSandbox());
    } catch (EgressPolicy.Refused e) {
      throw ApiException.invalidField("to_url", e.code(), e.getMessage());
    }
    String id = UUID.randomUUID().toString();
    String secret = ApiKeys.generate("whsec_");
    var at = clock.instant();
    if (!webhooks.createWithin(
        egress.maxSubscriptions(),
        id,
        platform.id(),
        request.toUrl(),
        request.eventTypes(),
        secret,
        at)) {
      throw new ApiException(
          ErrorCode.WEBHOOK_LIMIT_REACHED,
          "This environment has "
              + egress.maxSubscriptions()
              + " webhooks already; delete one first");
    }
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
