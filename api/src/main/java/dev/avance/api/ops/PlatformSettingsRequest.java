package dev.avance.api.ops;

import jakarta.validation.constraints.NotNull;

/** PATCH /ops/platform/{id}: who pays the interest from the next billing run on. */
public record PlatformSettingsRequest(@NotNull FeesPayer feesPayer) {}
