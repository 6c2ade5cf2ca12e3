package dev.avance.api.ops;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** POST /ops/bill/{id}/payment: when the payer's transfer arrived (default: now). */
public record BillTransferRequest(
    @Schema(description = "When the payer's transfer arrived; not in the future.")
        Instant paidAt) {}
