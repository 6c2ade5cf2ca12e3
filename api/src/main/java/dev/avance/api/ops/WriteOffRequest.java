package dev.avance.api.ops;

import dev.avance.activities.ledger.WriteOffReason;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /ops/loan/{id}/write-off: why, and an operator's note (no personal data). */
public record WriteOffRequest(
    @NotNull WriteOffReason reason,
    @Schema(
            description =
                "A short note for the other operators; no personal data (it is kept with the"
                    + " write-off).",
            maxLength = 500)
        @Size(max = 500)
        String note) {}
