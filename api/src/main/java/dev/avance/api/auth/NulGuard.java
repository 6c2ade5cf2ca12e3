package dev.avance.api.auth;

import dev.avance.api.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses NUL characters in paths and query parameters: PostgreSQL text cannot hold them, and a
 * lookup by such an id is a client error, not a server one.
 */
@Component
public class NulGuard implements HandlerInterceptor {

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String path = URLDecoder.decode(request.getRequestURI(), StandardCharsets.UTF_8);
    if (path.indexOf('\u0000') >= 0) {
      throw ApiException.invalidField("path", "invalid_value", "must not contain NUL characters");
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      for (String value : parameter.getValue()) {
        if (value.indexOf('\u0000') >= 0 || parameter.getKey().indexOf('\u0000') >= 0) {
          throw ApiException.invalidField(
              parameter.getKey(), "invalid_value", "must not contain NUL characters");
        }
      }
    }
    return true;
  }
}
