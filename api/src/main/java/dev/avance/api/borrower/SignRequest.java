package dev.avance.api.borrower;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** POST /borrower/{id}/sign: the borrower accepted the T&Cs at {@code signed_at}. */
public record SignRequest(
    @Schema(
            description = "When the T&Cs were accepted; not in the future.",
            example = "2026-01-15T09:30:00Z")
        @NotNull
        OffsetDateTime signedAt,
    @Schema(description = "Answer once the credit line is open (`READY`).") Boolean waitForReady,
    @Schema(
            description =
                "The version of the T&Cs accepted (`GET /terms`); default the current one.",
            example = "2026-01")
        @Size(max = 20)
        String termsVersion,
    @Schema(
            description = "The language they were read in, ISO 639-1; default the country's own.",
            example = "fr")
        @Size(max = 5)
        String language) {

  public SignRequest(OffsetDateTime signedAt, Boolean waitForReady) {
    this(signedAt, waitForReady, null, null);
  }
}
