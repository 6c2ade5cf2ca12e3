package dev.avance.activities.borrower;

import java.time.Instant;

/** A borrower as the read model holds it. */
public record BorrowerRow(
    String id,
    String platformId,
    String identifier,
    String identifierType,
    String country,
    String name,
    String status,
    String statusReason,
    Instant signedAt,
    String metadataJson,
    Instant createdAt,
    Instant updatedAt,
    String legalForm,
    java.time.LocalDate companyCreatedOn,
    String virtualIban) {}
