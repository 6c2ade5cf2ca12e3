package dev.avance.activities.webhook;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where webhooks may go ({@code avance.webhooks.*}).
 *
 * @param allowedHosts when not empty, the only hosts a subscription may name (fuzzing, locked-down
 *     deployments); their addresses are still checked
 * @param trustedTargets {@code host:port} receivers exempt from the address rules, such as a test's
 *     receiver on 127.0.0.1; nothing else on those hosts is
 * @param allowHttp live subscriptions may use {@code http} too (sandbox ones always may)
 * @param maxSubscriptions active subscriptions per platform environment
 */
@ConfigurationProperties("avance.webhooks")
public record WebhookEgressProperties(
    @DefaultValue("") List<String> allowedHosts,
    @DefaultValue("") List<String> trustedTargets,
    @DefaultValue("false") boolean allowHttp,
    @DefaultValue("20") int maxSubscriptions) {

  public WebhookEgressProperties {
    allowedHosts = clean(allowedHosts);
    trustedTargets = clean(trustedTargets);
    if (maxSubscriptions < 1) {
      throw new IllegalArgumentException("avance.webhooks.max-subscriptions must be at least 1");
    }
  }

  private static List<String> clean(List<String> values) {
    return values == null
        ? List.of()
        : values.stream()
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .map(v -> v.toLowerCase(java.util.Locale.ROOT))
            .toList();
  }
}
