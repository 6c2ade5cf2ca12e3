package dev.avance.api.codec;

import dev.avance.activities.platform.ApiKeys;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may decode: the bearer of the operator key (the CLI's {@code --codec-auth}) or of the codec
 * token, a decode-only credential that the Temporal UI carries in its codec endpoint's path because
 * it cannot send a header of its own (its {@code passAccessToken} sends an OIDC login's token, and
 * only over HTTPS). Whoever may open the UI may therefore decode: guard the UI as the data it
 * shows.
 */
@Component
public class CodecAccess {
  private static final String BEARER = "Bearer ";

  /** SHA-256 hashes of the accepted credentials; none configured: the codec answers 403. */
  private final List<byte[]> hashes = new ArrayList<>();

  public CodecAccess(
      @Value("${avance.operator.api-key:}") String operatorKey,
      @Value("${avance.codec.token:}") String codecToken) {
    for (String credential : new String[] {operatorKey, codecToken}) {
      if (credential != null && !credential.isBlank()) {
        hashes.add(hash(credential.trim()));
      }
    }
  }

  /** An {@code Authorization: Bearer} header holding the operator key or the codec token. */
  void checkHeader(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new ApiException(
          ErrorCode.UNAUTHORIZED,
          "Send the operator key or the codec token as 'Authorization: Bearer <key>'");
    }
    check(authorization.substring(BEARER.length()).trim());
  }

  /** The codec token (or the operator key) given in the path, as the Temporal UI sends it. */
  void check(String credential) {
    if (hashes.isEmpty()) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "No codec token (AVANCE_CODEC_TOKEN) or operator key is configured: the codec is off");
    }
    byte[] given = hash(credential == null ? "" : credential);
    // Every hash compared, each in constant time: the answer's time tells nothing of the key.
    boolean accepted = false;
    for (byte[] hash : hashes) {
      accepted |= MessageDigest.isEqual(given, hash);
    }
    if (!accepted) {
      throw new ApiException(
          ErrorCode.FORBIDDEN, "The codec needs the codec token or the operator key");
    }
  }

  private static byte[] hash(String credential) {
    return ApiKeys.hash(credential).getBytes(StandardCharsets.US_ASCII);
  }
}
