package dev.avance.api.ops;

import io.swagger.v3.oas.annotations.media.Schema;

/** A refund of a credit as it stands. */
@Schema(description = "The refund of a parked or overpaid credit to the account it came from.")
public record RefundResponse(
    @Schema(description = "The credit refunded.") String bankReference,
    @Schema(
            description =
                "RUNNING while the bank has not paid it; PAID; FAILED when the bank rejected it.",
            allowableValues = {"RUNNING", "PAID", "FAILED"})
        String status,
    @Schema(description = "Euro cents paid back; null while running.") Long amount,
    @Schema(description = "The refund's payment id (GET /payments shows it).") String paymentId,
    @Schema(description = "The bank's reason when it rejected the refund.") String failureReason) {}
