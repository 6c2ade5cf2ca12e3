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
    String legalForm,
    @JsonRawValue String metadata,
    RepaymentAccount repaymentAccount,
    Instant createdAt,
    Instant updatedAt) {

  /** Where the borrower transfers SCT repayments: its own virtual IBAN at Avance. */
  public record RepaymentAccount(String accountNumber, String bankIdentifier) {}

  static BorrowerResponse of(BorrowerRow row, String bic) {
    return new BorrowerResponse(
        row.id(),
        row.identifier(),
        row.identifierType(),
        row.country(),
        row.name(),
        row.status(),
        row.statusReason(),
        row.signedAt(),
        row.legalForm(),
        row.metadataJson(),
        row.virtualIban() == null ? null : new RepaymentAccount(row.virtualIban(), bic),
        row.createdAt(),
        row.updatedAt());
  }
}
