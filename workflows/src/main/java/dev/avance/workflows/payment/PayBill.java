package dev.avance.workflows.payment;

/** Activity input: the credit quotes the reference of a bill, and pays it. */
public record PayBill(IncomingCredit credit, String billId, String platformId) {}
