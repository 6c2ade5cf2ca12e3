package dev.avance.activities.bank;

import java.time.Instant;
import java.time.LocalDate;

/** A row of the simulated bank's ledger ({@code bank_transfers}), for tests and sandbox views. */
public record BankTransfer(
    long bankTransferId,
    String paymentId,
    BankDirection direction,
    long amountCents,
    String iban,
    String bic,
    String mandateReference,
    String remittanceInformation,
    LocalDate executionDate,
    LocalDate settlesOn,
    BankTransferStatus status,
    String rejectionReason,
    String returnCode,
    Instant receivedAt,
    Instant settledAt,
    Instant updatedAt) {}
