package dev.avance.banksim;

import dev.avance.bank.iso20022.MessageType;
import java.time.Instant;

/**
 * One file the bank queued for Avance and what became of it.
 *
 * @param copy 1, or 2 for the deliberate second delivery (setting duplicate-deliveries)
 * @param deliveredAt when the receiver took it; null while it has not
 * @param refused true when the receiver refused it as invalid (it is never offered again)
 */
public record Delivery(
    long id,
    MessageType type,
    String messageId,
    int copy,
    Instant deliverAt,
    Instant deliveredAt,
    int attempts,
    boolean refused) {}
