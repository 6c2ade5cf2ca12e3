package dev.avance.api.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One delivery of one event to a subscription, with its attempts. */
public record DeliveryResponse(
    String id,
    String eventId,
    String eventType,
    @Schema(allowableValues = {"PENDING", "RETRYING", "DELIVERED", "FAILED"}) String status,
    int attempts,
    Integer lastStatusCode,
    @Schema(
            description =
                "Why the last attempt failed, in Avance's words (`HTTP 302`, `connection refused`,"
                    + " `refused: ...`); never what the receiver sent")
        String lastError,
    Instant createdAt,
    Instant deliveredAt) {}
