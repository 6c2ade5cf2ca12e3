package dev.avance.workflows.webhook;

/** Activity input: the delivery is given up after its retry window. */
public record DeliveryFailed(String deliveryId, String reason) {}
