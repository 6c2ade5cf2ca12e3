package dev.avance.api.webhook;

import dev.avance.activities.platform.ApiKeys;
import dev.avance.activities.platform.Platform;
import dev.avance.activities.webhook.WebhookRepository;
import dev.avance.activities.webhook.WebhookSignature;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class WebhookService {
  private final WebhookRepository webhooks;
  private final Clock clock;
  private final Set<String> allowedHosts;

  public WebhookService(
      WebhookRepository webhooks,
      Clock clock,
      @Value("${avance.webhooks.allowed-hosts:}") List<String> allowedHosts) {
    this.webhooks = webhooks;
    this.clock = clock;
    this.allowedHosts =
        allowedHosts.stream()
            .map(String::trim)
            .filter(h -> !h.isEmpty())
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
  }

  public WebhookResponse create(Platform platform, CreateWebhookRequest request) {
    // Where set (tests, fuzzing, locked-down deployments), only these hosts receive deliveries.
    if (!allowedHosts.isEmpty()) {
      String host;
      try {
        host = URI.create(request.toUrl()).getHost();
      } catch (IllegalArgumentException e) {
        host = null;
      }
      if (host == null || !allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
        throw ApiException.invalidField(
            "to_url", "host_not_allowed", "the host must be one of " + new TreeSet<>(allowedHosts));
      }
    }
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
