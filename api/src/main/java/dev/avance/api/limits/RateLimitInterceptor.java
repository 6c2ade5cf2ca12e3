package dev.avance.api.limits;

import dev.avance.activities.platform.Platform;
import dev.avance.api.auth.ApiKeyInterceptor;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A token bucket per authenticated environment (the row a key opens), in this node's memory: a
 * request past it is {@code 429 rate_limited} with {@code Retry-After} in seconds. Runs after
 * authentication, so only keys that exist get a bucket and the map is bounded by the platforms.
 */
public class RateLimitInterceptor implements HandlerInterceptor {
  private final LimitsProperties limits;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimitInterceptor(LimitsProperties limits) {
    this.limits = limits;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Platform platform = ApiKeyInterceptor.platformOf(request);
    if (platform == null) {
      return true;
    }
    ConsumptionProbe probe =
        buckets.computeIfAbsent(platform.id(), id -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return true;
    }
    long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    response.setHeader("Retry-After", Long.toString(seconds));
    throw new ApiException(
        ErrorCode.RATE_LIMITED, "Too many requests for this key; retry in " + seconds + " s");
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limits.rateCapacity())
                .refillGreedy(limits.ratePerSecond(), Duration.ofSeconds(1))
                .build())
        .build();
  }
}
