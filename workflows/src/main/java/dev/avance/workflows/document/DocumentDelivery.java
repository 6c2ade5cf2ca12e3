package dev.avance.workflows.document;

public record DocumentDelivery(String documentId, DeliveryStatus status) {}
