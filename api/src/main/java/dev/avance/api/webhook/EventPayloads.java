package dev.avance.api.webhook;

import dev.avance.activities.platform.Platform;
import dev.avance.activities.platform.PlatformRepository;
import dev.avance.activities.webhook.WebhookRepository.PendingEvent;
import dev.avance.api.borrower.BorrowerService;
import dev.avance.api.error.ApiException;
import dev.avance.api.loan.LoanService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a webhook: the event's id, type and time, and the entity as its GET returns it at
 * dispatch time.
 */
@Component
public class EventPayloads {
  private final BorrowerService borrowers;
  private final LoanService loans;
  private final PlatformRepository platforms;
  private final JsonMapper json;

  public EventPayloads(
      BorrowerService borrowers, LoanService loans, PlatformRepository platforms, JsonMapper json) {
    this.borrowers = borrowers;
    this.loans = loans;
    this.platforms = platforms;
    this.json = json;
  }

  public String render(PendingEvent event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", "evt_" + event.id());
    body.put("type", event.eventType());
    body.put("created_at", event.occurredAt());
    body.put("data", entity(event));
    return json.writeValueAsString(body);
  }

  private Object entity(PendingEvent event) {
    // The entity as the event's platform row reads it, whichever environment that row is.
    Platform platform = platforms.findById(event.platformId()).orElse(null);
    if (platform == null) {
      return Map.of("id", event.entityId(), "type", event.entityType());
    }
    try {
      return switch (event.entityType()) {
        case "borrower" -> borrowers.get(platform, event.entityId());
        case "credit_line" -> borrowers.creditLine(platform, event.entityId());
        case "repayment_method" -> borrowers.repaymentMethods(platform, event.entityId());
        case "loan" -> loans.get(platform, event.entityId());
        default -> Map.of("id", event.entityId(), "type", event.entityType());
      };
    } catch (ApiException gone) {
      return Map.of("id", event.entityId(), "type", event.entityType());
    }
  }
}
