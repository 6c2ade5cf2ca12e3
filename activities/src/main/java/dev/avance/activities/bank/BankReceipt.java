package dev.avance.activities.bank;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The bank's acknowledgement of an instruction. Submitting the same payment id again returns the
 * first receipt unchanged.
 *
 * @param executionDate the execution date the bank retained (a payout without one: the day it was
 *     received)
 * @param settlesOn the TARGET business day on which the bank will execute it
 */
public record BankReceipt(
    String paymentId,
    long bankTransferId,
    BankDirection direction,
    long amountCents,
    LocalDate executionDate,
    LocalDate settlesOn,
    Instant receivedAt) {}
