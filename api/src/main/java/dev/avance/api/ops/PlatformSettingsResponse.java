package dev.avance.api.ops;

/** A platform as operators set it up. */
public record PlatformSettingsResponse(String id, String name, FeesPayer feesPayer) {}
