package dev.avance.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL rules at subscription, and the address rules at delivery with a DNS that changes. */
class EgressPolicyTest {
  private static final WebhookEgressProperties DEFAULTS =
      new WebhookEgressProperties(List.of(), List.of(), false, 20);

  /** A DNS of the test's own: names answer what the map says at the time of the question. */
  private static EgressPolicy policy(WebhookEgressProperties settings, Map<String, String> dns) {
    return new EgressPolicy(
        settings,
        host -> {
          String answer = dns.get(host);
          if (answer == null) {
            throw new UnknownHostException(host);
          }
          String[] parts = answer.split(",");
          InetAddress[] addresses = new InetAddress[parts.length];
          for (int i = 0; i < parts.length; i++) {
            addresses[i] = InetAddress.getByName(parts[i]);
          }
          return addresses;
        });
  }

  private static String refusal(EgressPolicy policy, String url, boolean sandbox) {
    try {
      policy.check(url, sandbox);
      return "accepted";
    } catch (EgressPolicy.Refused e) {
      return e.code();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://127.0.0.1:7233/",
        "https://127.0.0.1:54329/",
        "https://[::1]/",
        "https://[::ffff:127.0.0.1]/",
        "https://10.1.2.3/",
        "https://169.254.169.254/latest/meta-data/",
        "https://100.64.0.1/",
        "https://0.0.0.0/",
        "https://[fd00::1]/",
        "https://[fe80::1]/",
        "https://[ff02::1]/",
      })
  void literalPrivateAddressesAreRefusedAtSubscription(String url) {
    assertThat(refusal(policy(DEFAULTS, Map.of()), url, true)).isEqualTo("address_not_allowed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://2130706433/",
        "https://0x7f.1/",
        "https://017700000001/",
        "https://127.1/",
        "https://localhost/",
        "https://localhost:8080/",
        "https://intranet/",
        "https://user:pass@example.com/",
        "ftp://example.com/",
        "https:///nohost",
      })
  void oddHostsAndSchemesAreRefused(String url) {
    assertThat(refusal(policy(DEFAULTS, Map.of()), url, true)).isEqualTo("invalid_format");
  }

  @Test
  void httpsOnlyForLiveUnlessAllowed() {
    EgressPolicy policy = policy(DEFAULTS, Map.of());
    assertThat(refusal(policy, "http://hooks.example.com/x", false)).isEqualTo("https_required");
    assertThat(refusal(policy, "http://hooks.example.com/x", true)).isEqualTo("accepted");
    assertThat(refusal(policy, "https://hooks.example.com/x", false)).isEqualTo("accepted");
    EgressPolicy allowHttp =
        policy(new WebhookEgressProperties(List.of(), List.of(), true, 20), Map.of());
    assertThat(refusal(allowHttp, "http://hooks.example.com/x", false)).isEqualTo("accepted");
  }

  @Test
  void aNameIsCheckedAtEveryResolutionSoARebindingIsRefused() throws Exception {
    Map<String, String> dns = new java.util.HashMap<>(Map.of("hooks.example.com", "93.184.216.34"));
    EgressPolicy policy = policy(DEFAULTS, dns);
    assertThat(policy.check("https://hooks.example.com/x", false).trusted()).isFalse();
    assertThat(policy.resolve("hooks.example.com", 443))
        .containsExactly(InetAddress.getByName("93.184.216.34"));

    dns.put("hooks.example.com", "127.0.0.1");
    assertThatThrownBy(() -> policy.resolve("hooks.example.com", 443))
        .isInstanceOf(EgressPolicy.Refused.class)
        .hasMessageContaining("loopback");
    // One private address among public ones is enough: the connection could pick it.
    dns.put("hooks.example.com", "93.184.216.34,10.0.0.7");
    assertThatThrownBy(() -> policy.resolve("hooks.example.com", 443))
        .isInstanceOf(EgressPolicy.Refused.class)
        .hasMessageContaining("private");
    dns.put("hooks.example.com", "::ffff:169.254.169.254");
    assertThatThrownBy(() -> policy.resolve("hooks.example.com", 443))
        .isInstanceOf(EgressPolicy.Refused.class);
    // Names the client is handed in odd notations are refused before any resolution.
    assertThatThrownBy(() -> policy.resolve("2130706433", 80))
        .isInstanceOf(EgressPolicy.Refused.class);
    assertThatThrownBy(() -> policy.resolve("::1", 80)).isInstanceOf(EgressPolicy.Refused.class);
  }

  @Test
  void trustedTargetsAreExemptOnTheirPortOnly() throws Exception {
    EgressPolicy policy =
        policy(
            new WebhookEgressProperties(List.of(), List.of("127.0.0.1:4567"), false, 20), Map.of());
    assertThat(policy.check("http://127.0.0.1:4567/hook", true).trusted()).isTrue();
    assertThat(policy.resolve("127.0.0.1", 4567))
        .containsExactly(InetAddress.getByName("127.0.0.1"));
    assertThat(refusal(policy, "http://127.0.0.1:4568/hook", true))
        .isEqualTo("address_not_allowed");
    assertThatThrownBy(() -> policy.resolve("127.0.0.1", 5432))
        .isInstanceOf(EgressPolicy.Refused.class);
  }

  @Test
  void allowedHostsRestrictAndAreStillChecked() {
    EgressPolicy policy =
        policy(new WebhookEgressProperties(List.of("127.0.0.1"), List.of(), false, 20), Map.of());
    assertThat(refusal(policy, "https://hooks.example.com/x", true)).isEqualTo("host_not_allowed");
    assertThat(refusal(policy, "http://127.0.0.1:9/x", true)).isEqualTo("address_not_allowed");
  }
}
