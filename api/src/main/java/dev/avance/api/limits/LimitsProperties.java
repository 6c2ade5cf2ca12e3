package dev.avance.api.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on what one client can make the API do ({@code avance.api.limits.*}).
 *
 * @param maxBodyBytes a request body past this is {@code 413 payload_too_large} (the bank upload
 *     has its own 10 MiB)
 * @param maxJsonDepth JSON nested deeper is {@code 400 malformed_request}
 * @param rateCapacity requests a key's environment may burst, per node
 * @param ratePerSecond requests per second it gets back, per node
 * @param maxDecisionWaits requests that may wait for a decision at once ({@code wait_for_ready},
 *     {@code wait_for_validation}); past it they answer at once, as a wait that timed out
 */
@ConfigurationProperties("avance.api.limits")
public record LimitsProperties(
    @DefaultValue("65536") int maxBodyBytes,
    @DefaultValue("32") int maxJsonDepth,
    @DefaultValue("200") long rateCapacity,
    @DefaultValue("100") long ratePerSecond,
    @DefaultValue("32") int maxDecisionWaits) {

  public LimitsProperties {
    if (maxBodyBytes < 1024 || maxJsonDepth < 4 || rateCapacity < 1 || ratePerSecond < 1) {
      throw new IllegalArgumentException(
          "avance.api.limits: body at least 1024 bytes, depth at least 4, rates at least 1");
    }
    if (maxDecisionWaits < 0) {
      throw new IllegalArgumentException("avance.api.limits.max-decision-waits must be >= 0");
    }
  }
}
