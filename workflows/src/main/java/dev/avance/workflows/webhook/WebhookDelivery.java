package dev.avance.workflows.webhook;

/**
 * One event to deliver to one subscription. The payload is the JSON body; the signing secret is not
 * here on purpose: it stays in the database, out of workflow histories.
 */
public record WebhookDelivery(
    String deliveryId, String subscriptionId, long eventId, String payloadJson) {}
