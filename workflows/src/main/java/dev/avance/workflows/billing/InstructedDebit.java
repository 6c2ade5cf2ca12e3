package dev.avance.workflows.billing;

/** A bill and the payment that collects it. */
public record InstructedDebit(String billId, String paymentId) {}
