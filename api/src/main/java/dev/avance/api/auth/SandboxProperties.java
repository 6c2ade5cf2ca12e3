package dev.avance.api.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code avance.sandbox.enabled}: the sandbox (its endpoints, the keys of the SANDBOX rows) is on,
 * except in the {@code production} profile, where a sandbox key is refused everywhere.
 */
@ConfigurationProperties("avance.sandbox")
public record SandboxProperties(@DefaultValue("true") boolean enabled) {}
