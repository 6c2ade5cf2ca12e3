package dev.avance.activities.platform;

/** An API client: a platform whose users borrow through Avance. */
public record Platform(String id, String name) {}
