package dev.avance.banksim;

import dev.avance.bank.iso20022.Remittance;
import dev.avance.bank.iso20022.SddScheme;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One payment as the simulated bank holds it.
 *
 * @param endToEndId Avance's EndToEndId; null for an incoming credit
 * @param bankReference the bank's own reference (AcctSvcrRef of its bookings)
 * @param accountIban Avance's account: the pain.001 debtor, the pain.008 creditor, the credited
 *     account of an incoming transfer
 * @param remittance what the payment says to its payee (or what the payer said); null when nothing
 * @param messageId the message id of the file that carried it; null for an incoming credit
 * @param settleAt when it settles (or settled), fixed on receipt
 * @param reason the rejection, cancellation or return reason code
 */
public record SimulatedTransaction(
    String endToEndId,
    String bankReference,
    Direction direction,
    long amountCents,
    String accountIban,
    String counterpartyIban,
    String counterpartyName,
    String counterpartyBic,
    Remittance remittance,
    boolean instant,
    SddScheme scheme,
    String mandateId,
    LocalDate requestedDate,
    LocalDate settlementDate,
    Instant settleAt,
    SimulatedStatus status,
    String reason,
    String messageId,
    Instant receivedAt,
    Instant settledAt,
    Instant returnedAt) {}
