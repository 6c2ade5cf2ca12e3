package dev.avance.activities.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets Avance must keep readable (webhook signing secrets) before they reach the
 * database: AES-256-GCM with a random 96-bit nonce per value, stored as {@code v1:} and the base64
 * of nonce, ciphertext and tag. A value without the prefix is a plaintext one written before
 * encryption, read as it is until it is sealed.
 */
public final class SecretBox {
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public SecretBox(byte[] key) {
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException("the secrets key must be 32 bytes (256 bits)");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** A key from its base64 form, as AVANCE_SECRETS_KEY holds it. */
  public static SecretBox fromBase64(String key) {
    try {
      return new SecretBox(Base64.getDecoder().decode(key.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the secrets key must be 32 random bytes in base64 (openssl rand -base64 32)", e);
    }
  }

  public static byte[] newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  public String seal(String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a secret", e);
    }
  }

  /** The plaintext; fails if the value was altered or sealed under another key. */
  public String open(String stored) {
    if (!isSealed(stored)) {
      return stored;
    }
    byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    if (all.length <= NONCE_BYTES) {
      throw new IllegalStateException("a sealed secret is truncated");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      return new String(
          cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "a sealed secret cannot be opened: altered, or sealed under another AVANCE_SECRETS_KEY",
          e);
    }
  }
}
