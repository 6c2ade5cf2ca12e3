package dev.avance.api.webhook;

import dev.avance.activities.platform.Platform;
import dev.avance.api.common.PageResponse;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = Tags.WEBHOOKS)
public class WebhookController {
  private final WebhookService webhooks;

  public WebhookController(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @Operation(
      operationId = "createWebhook",
      summary = "Subscribe to events",
      description = "The answer shows the signing secret once; keep it to verify deliveries.")
  @ProblemResponse(
      status = 409,
      description = "`webhook_limit_reached`: the environment has its maximum of subscriptions")
  @PostMapping(path = "/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public WebhookResponse create(Platform platform, @Valid @RequestBody CreateWebhookRequest body) {
    return webhooks.create(platform, body);
  }

  @Operation(operationId = "listWebhooks", summary = "List the subscriptions (without secrets)")
  @GetMapping("/webhooks")
  public PageResponse<WebhookResponse> list(Platform platform) {
    return webhooks.list(platform);
  }

  @Operation(operationId = "deleteWebhook", summary = "Delete a subscription")
  @DeleteMapping("/webhook/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(Platform platform, @PathVariable String id) {
    webhooks.delete(platform, id);
  }

  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "The delivery log of a subscription",
      description =
          "The latest 100 deliveries: status, attempts, the last HTTP status code and, for a"
              + " failed attempt, a short reason of Avance's (never what the receiver sent).")
  @GetMapping("/webhook/{id}/deliveries")
  public PageResponse<DeliveryResponse> deliveries(Platform platform, @PathVariable String id) {
    return webhooks.deliveries(platform, id);
  }
}
