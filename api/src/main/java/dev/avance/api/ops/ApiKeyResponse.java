package dev.avance.api.ops;

import dev.avance.activities.platform.ApiKeyRepository.ApiKey;
import dev.avance.activities.platform.Environment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A platform's API key as operators see it: never the key itself, never its hash. */
public record ApiKeyResponse(
    String id,
    @Schema(
            description =
                "The start of the key, to recognise it: its kind and four characters"
                    + " (`avk_live_Ab3x`). Null for a key made before keys were managed, of which"
                    + " only the hash was kept.")
        String prefix,
    Environment environment,
    @Schema(description = "The platform row the key opens: the platform's id or its sandbox's.")
        String platformId,
    Instant createdAt,
    @Schema(description = "When the key last authenticated a request, to the minute.")
        Instant lastUsedAt,
    @Schema(description = "When it was revoked; null while it works.") Instant revokedAt) {

  static ApiKeyResponse of(ApiKey key) {
    return new ApiKeyResponse(
        key.id(),
        key.prefix(),
        key.environment(),
        key.platformId(),
        key.createdAt(),
        key.lastUsedAt(),
        key.revokedAt());
  }
}
