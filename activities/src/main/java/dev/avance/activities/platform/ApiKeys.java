package dev.avance.activities.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Generates API keys and the hashes under which they are stored. */
public final class ApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  /** Characters of a key shown after its kind: enough to tell two keys apart, too few to guess. */
  private static final int SHOWN = 4;

  private ApiKeys() {}

  /** A new key: a readable prefix and 32 random base-62 characters (about 190 bits). */
  public static String generate(String prefix) {
    StringBuilder key = new StringBuilder(prefix);
    for (int i = 0; i < 32; i++) {
      key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return key.toString();
  }

  /** A new key of the environment: {@code avk_live_...} or {@code avk_test_...}. */
  public static String generate(Environment environment) {
    return generate(environment.keyPrefix());
  }

  /** What a human sees of a key once it is stored: its kind and its first random characters. */
  public static String displayPrefix(String apiKey) {
    for (Environment environment : Environment.values()) {
      String kind = environment.keyPrefix();
      if (apiKey.startsWith(kind)) {
        return apiKey.substring(0, Math.min(apiKey.length(), kind.length() + SHOWN));
      }
    }
    return apiKey.substring(0, Math.min(apiKey.length(), SHOWN));
  }

  public static String hash(String apiKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
