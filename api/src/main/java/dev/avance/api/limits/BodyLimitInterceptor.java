package dev.avance.api.limits;

import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses a declared Content-Length past the cap before a byte of the body is read. */
public class BodyLimitInterceptor implements HandlerInterceptor {
  private final LimitsProperties limits;

  public BodyLimitInterceptor(LimitsProperties limits) {
    this.limits = limits;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!request.getRequestURI().equals(BodyLimitFilter.BANK_UPLOAD)
        && request.getContentLengthLong() > limits.maxBodyBytes()) {
      throw tooLarge(limits.maxBodyBytes());
    }
    return true;
  }

  public static ApiException tooLarge(long max) {
    return new ApiException(
        ErrorCode.PAYLOAD_TOO_LARGE, "A request body is at most " + max + " bytes");
  }
}
