package dev.avance.api.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code avance.idempotency.*}: how long an {@code Idempotency-Key} answers with its first answer
 * ({@code time-to-live}, 24 h as in the payment APIs platforms know), and after how long a request
 * still marked running is taken to have died with its node ({@code take-over-after}: longer than
 * the longest request, a 25 s decision wait).
 */
@ConfigurationProperties("avance.idempotency")
public record IdempotencyProperties(
    @DefaultValue("24h") Duration timeToLive,
    @DefaultValue("2m") Duration takeOverAfter,
    @DefaultValue("16MB") org.springframework.util.unit.DataSize maxBody) {}
