package dev.avance.api.borrower;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.avance.activities.borrower.BorrowerRow;
import java.time.Instant;

/** A borrower as the API returns it. */
public record BorrowerResponse(
    String id,
    String identifier,
    String identifierType,
    String country,
    String name,
    String status,
    String statusReason,
    Instant signedAt,
    @JsonRawValue String metadata,
    Instant createdAt,
    Instant updatedAt) {

  static BorrowerResponse of(BorrowerRow row) {
    return new BorrowerResponse(
        row.id(),
        row.identifier(),
        row.identifierType(),
        row.country(),
        row.name(),
        row.status(),
        row.statusReason(),
        row.signedAt(),
        row.metadataJson(),
        row.createdAt(),
        row.updatedAt());
  }
}
