package dev.avance.api.auth;

import dev.avance.activities.platform.ApiKeyRepository;
import dev.avance.activities.platform.Platform;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every API request by its {@code Authorization: Bearer <key>} header: the key's
 * platform row (LIVE or SANDBOX) is the tenant of the request. A revoked key is an unknown one. A
 * sandbox key is refused everywhere when the sandbox is off ({@code production}), so that no
 * sandbox data is made or read where live money moves. Runs inside Spring MVC so that a refusal
 * goes through the same problem mapping as every other error.
 */
@Component
public class ApiKeyInterceptor implements HandlerInterceptor {
  static final String PLATFORM_ATTRIBUTE = ApiKeyInterceptor.class.getName() + ".platform";
  private static final String BEARER = "Bearer ";

  private final ApiKeyRepository keys;
  private final SandboxProperties sandbox;

  public ApiKeyInterceptor(ApiKeyRepository keys, SandboxProperties sandbox) {
    this.keys = keys;
    this.sandbox = sandbox;
  }

  /** The platform this request was authenticated for, or null outside the platforms' paths. */
  public static Platform platformOf(HttpServletRequest request) {
    return (Platform) request.getAttribute(PLATFORM_ATTRIBUTE);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      throw new ApiException(
          ErrorCode.UNAUTHORIZED, "Send your API key as 'Authorization: Bearer <key>'");
    }
    String key = header.substring(BEARER.length()).trim();
    Platform platform =
        key.isEmpty() || key.length() > 200 ? null : keys.authenticate(key).orElse(null);
    if (platform == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      throw new ApiException(ErrorCode.UNAUTHORIZED, "The API key is not valid");
    }
    if (platform.isSandbox() && !sandbox.enabled()) {
      throw new ApiException(
          ErrorCode.SANDBOX_DISABLED,
          "This is a sandbox key (avk_test_); this deployment accepts live keys only");
    }
    request.setAttribute(PLATFORM_ATTRIBUTE, platform);
    return true;
  }
}
