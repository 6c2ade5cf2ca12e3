package dev.avance.activities;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Add to a test context (e.g. next to {@link CreditTestApplication}) to give every bean that takes
 * a {@link java.time.Clock} a {@link MutableClock} the test controls: the primary Clock overrides
 * the application's.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

  @Bean
  @Primary
  MutableClock mutableClock() {
    return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  }
}
