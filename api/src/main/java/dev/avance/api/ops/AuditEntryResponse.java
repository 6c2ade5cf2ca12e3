package dev.avance.api.ops;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** One operator action. */
public record AuditEntryResponse(
    String id,
    @Schema(description = "When it was done.") Instant createdAt,
    @Schema(
            description = "Who: the fingerprint of the operator key used (`sha256:<12 hex>`).",
            example = "sha256:5e884898da28")
        String actor,
    @Schema(
            description =
                "What: `platform.create`, `platform.update`, `key.issue`, `key.revoke`,"
                    + " `billing_run.start`, `bill.payment`, `incoming_credit.assign`.",
            example = "key.issue")
        String action,
    @Schema(description = "The platform concerned, by its live id; null when none.")
        String platformId,
    @Schema(description = "What it was done to: a platform, key, bill or credit id, a period.")
        String target,
    @Schema(description = "What else it said or did; never a key.") Map<String, String> details) {}
