package dev.avance.api.auth;

import dev.avance.activities.platform.Platform;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.NoHandlerFoundException;

/**
 * The {@code /sandbox} endpoints exist for sandbox keys only: to a live key they answer exactly as
 * an unknown path does, through the same exception, so that a live integration cannot tell them
 * from nothing, let alone drive the simulated bank. Runs after {@link ApiKeyInterceptor}.
 */
@Component
public class SandboxPathGuard implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws NoHandlerFoundException {
    Object platform = request.getAttribute(ApiKeyInterceptor.PLATFORM_ATTRIBUTE);
    if (platform instanceof Platform p && p.isSandbox()) {
      return true;
    }
    throw new NoHandlerFoundException(
        request.getMethod(), request.getRequestURI(), new HttpHeaders());
  }
}
