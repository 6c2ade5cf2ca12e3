package dev.avance.api.auth;

import dev.avance.activities.platform.ApiKeys;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates the operator endpoints ({@code /ops/**}) by the operator key ({@code
 * avance.operator.api-key}, AVANCE_OPERATOR_API_KEY): 401 without a bearer key, 403 with any other
 * key (a platform's too), and 403 {@code operator_access_disabled} for everyone while no operator
 * key is configured.
 */
@Component
public class OperatorKeyInterceptor implements HandlerInterceptor {
  static final String OPERATOR_ATTRIBUTE = OperatorKeyInterceptor.class.getName() + ".operator";
  private static final String BEARER = "Bearer ";

  /** SHA-256 of the operator key, or null when none is configured. */
  private final byte[] keyHash;

  /** Who the audit log says acted: 12 hex digits of the hash, which tell keys apart. */
  private final Operator operator;

  public OperatorKeyInterceptor(@Value("${avance.operator.api-key:}") String operatorKey) {
    String hash =
        operatorKey == null || operatorKey.isBlank() ? null : ApiKeys.hash(operatorKey.trim());
    this.keyHash = hash == null ? null : hash.getBytes(StandardCharsets.US_ASCII);
    this.operator = hash == null ? null : new Operator("sha256:" + hash.substring(0, 12));
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (keyHash == null) {
      throw new ApiException(
          ErrorCode.OPERATOR_ACCESS_DISABLED,
          "No operator key is configured (AVANCE_OPERATOR_API_KEY): operator endpoints are off");
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      throw new ApiException(
          ErrorCode.UNAUTHORIZED, "Send the operator key as 'Authorization: Bearer <key>'");
    }
    String key = header.substring(BEARER.length()).trim();
    // Hashes compared in constant time: the comparison tells nothing about the key.
    byte[] given = ApiKeys.hash(key).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(given, keyHash)) {
      throw new ApiException(ErrorCode.FORBIDDEN, "Operator endpoints need the operator key");
    }
    request.setAttribute(OPERATOR_ATTRIBUTE, operator);
    return true;
  }
}
