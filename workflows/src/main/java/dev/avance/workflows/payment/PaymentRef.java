package dev.avance.workflows.payment;

/** Activity input naming one payment. */
public record PaymentRef(String paymentId) {}
