package dev.avance.worker.platform;

/**
 * {@code avance.demo.*}: the demo platform of the embedded mode. {@code enabled} empty means in the
 * embedded mode only; {@code apiKey} (AVANCE_DEMO_API_KEY) fixes its sandbox key, {@code
 * liveApiKey} (AVANCE_DEMO_LIVE_API_KEY) its live key; empty, each is generated once and kept in
 * the home folder.
 */
@org.springframework.boot.context.properties.ConfigurationProperties("avance.demo")
public record DemoProperties(String enabled, String apiKey, String liveApiKey) {

  public DemoProperties {
    enabled = enabled == null ? "" : enabled.trim();
    apiKey = apiKey == null ? "" : apiKey.trim();
    liveApiKey = liveApiKey == null ? "" : liveApiKey.trim();
  }
}
