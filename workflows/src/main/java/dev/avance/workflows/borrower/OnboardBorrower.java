package dev.avance.workflows.borrower;

import java.time.Instant;

/** Input of {@link BorrowerWorkflow}: a borrower to onboard for a platform. */
public record OnboardBorrower(
    String borrowerId,
    String platformId,
    String identifier,
    IdentifierType identifierType,
    Country country,
    String name,
    Instant signedAt,
    String metadataJson) {}
