package dev.avance.workflows.webhook;

/** Activity output: how the receiver answered the delivery that succeeded. */
public record DeliveryAttempt(String deliveryId, int statusCode) {}
