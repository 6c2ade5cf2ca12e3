package dev.avance.api.ops;

import dev.avance.activities.platform.ApiKeyRepository.IssuedKey;
import dev.avance.activities.platform.Environment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A key just issued: the only answer that holds the key. */
public record IssuedKeyResponse(
    String id,
    @Schema(description = "The start of the key, as key lists show it.") String prefix,
    Environment environment,
    @Schema(description = "The platform row the key opens.") String platformId,
    Instant createdAt,
    @Schema(
            description =
                "The key, shown this once: only its SHA-256 is kept. Send it as `Authorization:"
                    + " Bearer <api_key>`.")
        String apiKey) {

  static IssuedKeyResponse of(IssuedKey issued) {
    return new IssuedKeyResponse(
        issued.key().id(),
        issued.key().prefix(),
        issued.key().environment(),
        issued.key().platformId(),
        issued.key().createdAt(),
        issued.secret());
  }
}
