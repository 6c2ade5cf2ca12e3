package dev.avance.api.ops;

import dev.avance.activities.ledger.WriteOffReason;
import dev.avance.activities.ledger.WriteOffs.WriteOff;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A loan's write-off: what the books moved to Avance's write-off expense, in cents. */
public record WriteOffResponse(
    String loanId,
    Instant writtenOffAt,
    @Schema(description = "The fingerprint of the operator key that wrote the loan off.")
        String writtenOffBy,
    @Schema(implementation = WriteOffReason.class) String reason,
    String note,
    @Schema(description = "Principal written off, in cents.") long principalAmount,
    @Schema(description = "Interest billed and unpaid, written off, in cents.") long interestAmount,
    @Schema(description = "Penalties billed and unpaid, written off, in cents.")
        long penaltiesAmount) {

  static WriteOffResponse of(WriteOff w) {
    return new WriteOffResponse(
        w.loanId(),
        w.writtenOffAt(),
        w.actor(),
        w.reason().name(),
        w.note(),
        w.principalCents(),
        w.interestCents(),
        w.penaltiesCents());
  }
}
