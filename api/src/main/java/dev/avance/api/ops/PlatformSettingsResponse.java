package dev.avance.api.ops;

import dev.avance.activities.platform.Environment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A platform as operators set it up: its LIVE row and its SANDBOX twin. */
public record PlatformSettingsResponse(
    String id,
    String name,
    @Schema(description = "Who pays the interest, in both environments.") FeesPayer feesPayer,
    @Schema(description = "Always `LIVE`: a platform is named by its live row.")
        Environment environment,
    Instant createdAt,
    @Schema(description = "Its sandbox, where its `avk_test_` keys lead.") Sandbox sandbox) {

  /** The platform's SANDBOX row: its own data, the simulated bank. */
  public record Sandbox(
      @Schema(description = "`<id>_sandbox`: the `platform_id` of the sandbox's resources.")
          String id,
      @Schema(description = "Always `SANDBOX`.") Environment environment) {}
}
