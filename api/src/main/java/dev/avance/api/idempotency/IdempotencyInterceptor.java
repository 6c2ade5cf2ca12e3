package dev.avance.api.idempotency;

import dev.avance.activities.idempotency.IdempotencyRepository;
import dev.avance.activities.idempotency.IdempotencyRepository.Claim;
import dev.avance.activities.idempotency.IdempotencyRepository.StoredAnswer;
import dev.avance.activities.platform.Platform;
import dev.avance.api.auth.ApiKeyInterceptor;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The inner half of {@code Idempotency-Key}, run once the tenant is known: claims the key for this
 * tenant and request, replays the stored answer of an earlier request with the same key and body,
 * and refuses the key for another body ({@code 409 idempotency_key_reused}) or while the first
 * request still runs ({@code 409 idempotency_key_in_progress}). Keys are scoped by the platform row
 * (live and sandbox apart) and, for {@code /ops}, by the operator.
 */
@Component
public class IdempotencyInterceptor implements HandlerInterceptor {
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  static final String CLAIM_ATTRIBUTE = IdempotencyInterceptor.class.getName() + ".claim";
  static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final String OPERATOR_SCOPE = "operator";

  record ClaimedKey(String scope, String key) {}

  private final IdempotencyRepository repository;
  private final IdempotencyProperties properties;
  private final Clock clock;

  public IdempotencyInterceptor(
      IdempotencyRepository repository, IdempotencyProperties properties, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    IdempotentRequest buffered = unwrap(request);
    if (buffered == null) {
      return true;
    }
    String key = request.getHeader(HEADER);
    if (!KEY.matcher(key).matches()) {
      throw ApiException.invalidField(
          HEADER, "invalid_value", "must be 1 to 255 visible ASCII characters");
    }
    if (buffered.tooLarge()) {
      throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large");
    }
    String scope = scope(request);
    Claim claim =
        repository.claim(
            scope,
            key,
            hash(request, buffered.body()),
            clock.instant(),
            properties.timeToLive(),
            properties.takeOverAfter());
    switch (claim.outcome()) {
      case CLAIMED:
        request.setAttribute(CLAIM_ATTRIBUTE, new ClaimedKey(scope, key));
        return true;
      case COMPLETED:
        replay(claim.answer(), response);
        return false;
      case REUSED:
        throw new ApiException(
            ErrorCode.IDEMPOTENCY_KEY_REUSED,
            "This Idempotency-Key was used for another request; use a new key");
      default:
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        throw new ApiException(
            ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
            "A request with this Idempotency-Key is still running; retry shortly");
    }
  }

  private static IdempotentRequest unwrap(HttpServletRequest request) {
    jakarta.servlet.ServletRequest current = request;
    while (current instanceof jakarta.servlet.ServletRequestWrapper wrapper) {
      if (current instanceof IdempotentRequest buffered) {
        return buffered;
      }
      current = wrapper.getRequest();
    }
    return null;
  }

  private static String scope(HttpServletRequest request) {
    Platform platform = ApiKeyInterceptor.platformOf(request);
    return platform == null ? OPERATOR_SCOPE : "platform:" + platform.id();
  }

  /** The request as the key binds it: method, path, query and body, byte for byte. */
  static String hash(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      String query = request.getQueryString();
      digest.update((query == null ? "" : query).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
    response.setStatus(answer.status());
    if (answer.contentType() != null) {
      response.setContentType(answer.contentType());
    }
    if (answer.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, answer.location());
    }
    response.setHeader(REPLAYED_HEADER, "true");
    byte[] body = answer.body() == null ? new byte[0] : answer.body();
    response.getOutputStream().write(body);
  }
}
