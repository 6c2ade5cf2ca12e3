package dev.avance.api.ops;

import dev.avance.activities.platform.Environment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A platform just created, with the first key of each environment: shown this once. */
public record CreatedPlatformResponse(
    String id,
    String name,
    FeesPayer feesPayer,
    Environment environment,
    Instant createdAt,
    PlatformSettingsResponse.Sandbox sandbox,
    @Schema(description = "The first live key (`avk_live_...`).") IssuedKeyResponse liveKey,
    @Schema(description = "The first sandbox key (`avk_test_...`).")
        IssuedKeyResponse sandboxKey) {}
