package dev.avance.api.auth;

/**
 * The operator calling an {@code /ops} endpoint, as the audit log names them: the fingerprint of
 * the operator key (the start of its SHA-256), never the key. A controller method takes it as a
 * parameter.
 */
public record Operator(String fingerprint) {}
