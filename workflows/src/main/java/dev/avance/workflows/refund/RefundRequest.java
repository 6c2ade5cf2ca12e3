package dev.avance.workflows.refund;

import java.time.Instant;

/** An operator asks to pay a parked or overpaid credit back to the account it came from. */
public record RefundRequest(String bankReference, Instant requestedAt) {}
