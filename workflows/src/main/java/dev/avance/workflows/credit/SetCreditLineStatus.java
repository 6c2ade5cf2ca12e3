package dev.avance.workflows.credit;

import java.time.Instant;

/** Activity input: move a credit line to a status (EXPIRED, BLOCKED with a reason, ACTIVE). */
public record SetCreditLineStatus(
    String borrowerId, CreditLineStatus status, String statusReason, Instant at) {}
