package dev.avance.api.borrower;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.avance.activities.borrower.BorrowerRow;
import dev.avance.workflows.borrower.BorrowerStatus;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** A borrower as the API returns it. */
public record BorrowerResponse(
    @Schema(description = "The borrower's id.") String id,
    @Schema(description = "The company registration number, normalized.", example = "552100554")
        String identifier,
    @Schema(implementation = IdentifierType.class) String identifierType,
    @Schema(implementation = Country.class) String country,
    @Schema(description = "The company's name, as sent or from the registry.") String name,
    @Schema(
            implementation = BorrowerStatus.class,
            description =
                "SUBMITTED, then TO_SIGN once eligible (or REFUSED), SIGNED, READY once the"
                    + " credit line is open.")
        String status,
    @Schema(
            description =
                "Why the borrower is REFUSED or BLOCKED: COMPANY_NOT_FOUND, NOT_COMMERCIAL_COMPANY,"
                    + " INSOLVENT, STRUCK_OFF, COMPANY_TOO_YOUNG, DUPLICATE_IDENTIFIER.",
            example = "INSOLVENT")
        String statusReason,
    @Schema(description = "When the T&Cs were accepted.") Instant signedAt,
    @Schema(
            description = "The version of the T&Cs accepted last (`GET /terms`).",
            example = "2026-01")
        String termsVersion,
    @Schema(description = "The language they were accepted in.", example = "fr") String language,
    @Schema(description = "The legal form from the registry.", example = "SAS") String legalForm,
    @Schema(implementation = Map.class, description = "The platform's own key-value data, as sent.")
        @JsonRawValue
        String metadata,
    @Schema(description = "Where SCT repayments are transferred.")
        RepaymentAccount repaymentAccount,
    Instant createdAt,
    Instant updatedAt) {

  /** Where the borrower transfers SCT repayments: its own virtual IBAN at Avance. */
  @Schema(description = "The borrower's own virtual IBAN at Avance, for SCT repayments.")
  public record RepaymentAccount(
      @Schema(description = "The virtual IBAN.", example = "FR7630001007941234567890185")
          String accountNumber,
      @Schema(description = "The BIC.", example = "AVNCFRPPXXX") String bankIdentifier) {}

  /** The T&Cs a borrower accepted. */
  record TermsAccepted(String version, String language) {}

  static BorrowerResponse of(BorrowerRow row, String bic, TermsAccepted terms) {
    return new BorrowerResponse(
        row.id(),
        row.identifier(),
        row.identifierType(),
        row.country(),
        row.name(),
        row.status(),
        row.statusReason(),
        row.signedAt(),
        terms == null ? null : terms.version(),
        terms == null ? null : terms.language(),
        row.legalForm(),
        row.metadataJson(),
        row.virtualIban() == null ? null : new RepaymentAccount(row.virtualIban(), bic),
        row.createdAt(),
        row.updatedAt());
  }
}
