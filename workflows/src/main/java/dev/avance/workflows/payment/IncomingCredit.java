package dev.avance.workflows.payment;

import java.time.Instant;

/** A credit transfer the bank received on a borrower's virtual IBAN. */
public record IncomingCredit(
    String bankReference,
    String toIban,
    long amountCents,
    String remittanceInformation,
    Instant receivedAt) {}
