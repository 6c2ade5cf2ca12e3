package dev.avance.activities.platform;

/**
 * An API client as its key authenticates it: one environment of a platform whose users borrow
 * through Avance. {@code id} is the row every resource of the client belongs to; {@code
 * livePlatformId} is the platform's LIVE row, the platform as operators name it (its own id for a
 * LIVE row).
 */
public record Platform(String id, String name, Environment environment, String livePlatformId) {

  public boolean isSandbox() {
    return environment == Environment.SANDBOX;
  }
}
