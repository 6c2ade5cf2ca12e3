package dev.avance.api.ops;

import dev.avance.activities.platform.Environment;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** POST /ops/platform/{id}/keys: which of the platform's two environments the key opens. */
public record IssueKeyRequest(
    @Schema(
            description =
                "`LIVE` (a key `avk_live_...`: real money) or `SANDBOX` (`avk_test_...`: the"
                    + " simulated bank and the `/sandbox` endpoints).")
        @NotNull
        Environment environment) {}
