package dev.avance.workflows.common;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts every payload Avance writes to Temporal (inputs, results, updates, signals, queries,
 * summaries, failures' messages) with AES-256-GCM, so that the IBANs, emails and birth dates they
 * carry are not readable in the server's database, its backups, the UI or the CLI without the codec
 * server. The whole serialized payload (its metadata too) is the plaintext; the encrypted payload
 * says {@code encoding: binary/encrypted} and names its key in {@code encryption-key-id}, which is
 * also the GCM additional data, so a ciphertext cannot be passed off under another key id.
 *
 * <p>Keys rotate: the ring's first key encrypts, every key decrypts. A payload without the
 * encrypted encoding (written before encryption: recorded histories, running loans) is passed
 * through as it is.
 */
public final class PayloadEncryption implements PayloadCodec {
  public static final String ENCODING = "binary/encrypted";
  public static final String KEY_ID = "encryption-key-id";
  private static final String METADATA_ENCODING = "encoding";
  private static final ByteString ENCODING_BYTES = ByteString.copyFromUtf8(ENCODING);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String activeId;
  private final Map<String, SecretKeySpec> keys;
  private final SecureRandom random = new SecureRandom();

  /** {@code keys} in order, the first one active; ids of letters, digits, '.', '_' or '-'. */
  public PayloadEncryption(Map<String, byte[]> keys) {
    if (keys == null || keys.isEmpty()) {
      throw new IllegalArgumentException("payload encryption needs at least one key");
    }
    Map<String, SecretKeySpec> ring = new LinkedHashMap<>();
    keys.forEach(
        (id, key) -> {
          if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                "a payload key id is 1 to 64 letters, digits, '.', '_' or '-': " + id);
          }
          if (key == null || key.length != 32) {
            throw new IllegalArgumentException(
                "the payload key " + id + " must be 32 bytes (256 bits)");
          }
          ring.put(id, new SecretKeySpec(key.clone(), "AES"));
        });
    this.keys = Collections.unmodifiableMap(ring);
    this.activeId = ring.keySet().iterator().next();
  }

  /**
   * The ring as AVANCE_PAYLOAD_KEYS holds it: {@code id:base64,id:base64}, each 32 random bytes
   * ({@code openssl rand -base64 32}); the first encrypts, the others are kept to decrypt.
   */
  public static PayloadEncryption parse(String setting) {
    if (setting == null || setting.isBlank()) {
      throw new IllegalArgumentException("no payload key given");
    }
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String entry : setting.split(",")) {
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "a payload key is <id>:<32 random bytes in base64>, keys separated by commas");
      }
      String id = trimmed.substring(0, colon).trim();
      byte[] key;
      try {
        key = Base64.getDecoder().decode(trimmed.substring(colon + 1).trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the payload key " + id + " is not base64", e);
      }
      if (keys.put(id, key) != null) {
        throw new IllegalArgumentException("the payload key id " + id + " is given twice");
      }
    }
    return new PayloadEncryption(keys);
  }

  public static byte[] newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** The id of the key that encrypts. */
  public String activeKeyId() {
    return activeId;
  }

  public static boolean isEncrypted(Payload payload) {
    return ENCODING_BYTES.equals(payload.getMetadataOrDefault(METADATA_ENCODING, ByteString.EMPTY));
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    List<Payload> encoded = new ArrayList<>(payloads.size());
    for (Payload payload : payloads) {
      // Encoding twice would hide nothing more and make the codec server's answers ambiguous.
      encoded.add(isEncrypted(payload) ? payload : encrypt(payload));
    }
    return encoded;
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    List<Payload> decoded = new ArrayList<>(payloads.size());
    for (Payload payload : payloads) {
      decoded.add(isEncrypted(payload) ? decrypt(payload) : payload);
    }
    return decoded;
  }

  private Payload encrypt(Payload payload) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] plaintext = payload.toByteArray();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(activeId.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
      return Payload.newBuilder()
          .putMetadata(METADATA_ENCODING, ENCODING_BYTES)
          .putMetadata(KEY_ID, ByteString.copyFromUtf8(activeId))
          .setData(ByteString.copyFrom(out))
          .build();
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("cannot encrypt a payload", e);
    }
  }

  private Payload decrypt(Payload payload) {
    String id = payload.getMetadataOrDefault(KEY_ID, ByteString.EMPTY).toStringUtf8();
    SecretKeySpec key = keys.get(id);
    if (key == null) {
      throw new PayloadCodecException(
          "a payload is encrypted under the key '"
              + id
              + "', which AVANCE_PAYLOAD_KEYS does not hold (keep retired keys in the ring)");
    }
    byte[] all = payload.getData().toByteArray();
    if (all.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException("an encrypted payload is truncated");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
      return Payload.parseFrom(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES));
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException(
          "an encrypted payload does not authenticate under the key '" + id + "': altered", e);
    } catch (InvalidProtocolBufferException e) {
      throw new PayloadCodecException("a decrypted payload is not a payload", e);
    }
  }
}
