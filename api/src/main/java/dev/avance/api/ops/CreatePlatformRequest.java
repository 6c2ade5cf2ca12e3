package dev.avance.api.ops;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** POST /ops/platforms: a new platform, with its id chosen once. */
public record CreatePlatformRequest(
    @Schema(
            description =
                "The platform's id, for good: 2 to 40 lowercase letters, digits and hyphens,"
                    + " starting with a letter or a digit. Its sandbox is `<id>_sandbox`.",
            example = "acme-market")
        @NotNull
        @Pattern(
            regexp = ID_PATTERN,
            message = "must be 2 to 40 of a-z, 0-9 and -, not starting with -")
        String id,
    @Schema(description = "Its name, for operators.", example = "Acme Market")
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters")
        String name) {

  /** Ids of platforms: never an underscore, which only sandbox twins have. */
  public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,39}";
}
