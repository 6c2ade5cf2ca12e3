package dev.avance.workflows.loan;

import java.time.Instant;

/** Signal: a credit transfer quoting this loan's reference arrived (a fact from outside). */
public record TransferReceived(String transferId, long amountCents, Instant receivedAt) {}
