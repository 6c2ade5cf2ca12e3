package dev.avance.api.idempotency;

import dev.avance.activities.idempotency.IdempotencyRepository;
import dev.avance.activities.idempotency.IdempotencyRepository.StoredAnswer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The outer half of {@code Idempotency-Key}: buffers the body of a POST that carries the header (so
 * that {@link IdempotencyInterceptor} can hash it once the tenant is authenticated), captures the
 * answer, and stores it for the claim the interceptor made. An answer that is our failure (5xx) or
 * a rate limit releases the claim instead, so that the retry runs the request.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {
  private final IdempotencyRepository repository;
  private final IdempotencyProperties properties;

  public IdempotencyFilter(IdempotencyRepository repository, IdempotencyProperties properties) {
    this.repository = repository;
    this.properties = properties;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || request.getHeader(IdempotencyInterceptor.HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    IdempotentRequest buffered = IdempotentRequest.read(request, properties.maxBody().toBytes());
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(buffered, captured);
    } catch (IOException | ServletException | RuntimeException e) {
      release(buffered);
      throw e;
    }
    Object claim = buffered.getAttribute(IdempotencyInterceptor.CLAIM_ATTRIBUTE);
    if (claim instanceof IdempotencyInterceptor.ClaimedKey claimed) {
      int status = captured.getStatus();
      if (status >= 500 || status == 429) {
        repository.release(claimed.scope(), claimed.key());
      } else {
        repository.complete(
            claimed.scope(),
            claimed.key(),
            new StoredAnswer(
                status,
                captured.getContentType(),
                captured.getHeader(HttpHeaders.LOCATION),
                captured.getContentAsByteArray()));
      }
    }
    captured.copyBodyToResponse();
  }

  private void release(HttpServletRequest request) {
    Object claim = request.getAttribute(IdempotencyInterceptor.CLAIM_ATTRIBUTE);
    if (claim instanceof IdempotencyInterceptor.ClaimedKey claimed) {
      repository.release(claimed.scope(), claimed.key());
    }
  }
}
