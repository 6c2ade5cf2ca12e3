package dev.avance.workflows.borrower;

import java.time.Instant;

/**
 * Activity input: a domain event for webhooks (entity type and id, event type such as {@code
 * credit_line.ACTIVE}), written once per {@code eventKey}.
 */
public record RecordEvent(
    String platformId,
    String entityType,
    String entityId,
    String eventType,
    String eventKey,
    Instant at) {}
