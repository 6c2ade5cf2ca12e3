package dev.avance.api.webhook;

import java.time.Instant;

/** One delivery of one event to a subscription, with its attempts. */
public record DeliveryResponse(
    String id,
    String eventId,
    String eventType,
    String status,
    int attempts,
    Integer lastStatusCode,
    String lastError,
    Instant createdAt,
    Instant deliveredAt) {}
