package dev.avance.activities.platform;

/**
 * The world a platform row lives in. A platform is one LIVE row (real money, the real bank) and its
 * SANDBOX twin (the bank simulator, the {@code /sandbox} endpoints); a key belongs to one row.
 */
public enum Environment {
  LIVE("avk_live_"),
  SANDBOX("avk_test_");

  private final String keyPrefix;

  Environment(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  /** How this environment's keys start, so that a key shows its kind wherever it is pasted. */
  public String keyPrefix() {
    return keyPrefix;
  }
}
