package dev.avance.activities.webhook;

import dev.avance.activities.webhook.EgressAddresses.Kind;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rules of webhook egress, checked twice: on the URL when a platform subscribes (scheme, host
 * syntax, literal addresses), and on the addresses the host resolves to at every delivery, so that
 * a DNS name re-pointed to a private address after the subscription (DNS rebinding) is refused too.
 * The delivery connects to the addresses checked here ({@link #resolve}), never to a second
 * resolution.
 */
@Component
@EnableConfigurationProperties(WebhookEgressProperties.class)
public class EgressPolicy {
  /** Resolves a DNS name; a seam for the tests that play a rebinding DNS. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A target the rules refuse; the message is ours, fit for the API and the delivery log. */
  public static final class Refused extends UnknownHostException {
    private final String code;

    public Refused(String code, String message) {
      super(message);
      this.code = code;
    }

    /** A stable field code for the API: {@code invalid_format}, {@code address_not_allowed}... */
    public String code() {
      return code;
    }
  }

  /** A URL that passed the rules. */
  public record Target(URI uri, String host, int port, boolean trusted) {}

  private final WebhookEgressProperties settings;
  private final Resolver resolver;

  @Autowired
  public EgressPolicy(WebhookEgressProperties settings) {
    this(settings, InetAddress::getAllByName);
  }

  public EgressPolicy(WebhookEgressProperties settings, Resolver resolver) {
    this.settings = settings;
    this.resolver = resolver;
  }

  public int maxSubscriptions() {
    return settings.maxSubscriptions();
  }

  /** Checks a URL without resolving it; {@code sandbox}: the subscribing platform's environment. */
  public Target check(String url, boolean sandbox) throws Refused {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("invalid_format", "not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new Refused("invalid_format", "an http(s) URL");
    }
    if (scheme.equals("http") && !sandbox && !settings.allowHttp()) {
      throw new Refused("https_required", "live webhooks must use https");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("invalid_format", "a URL without user information");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new Refused("invalid_format", "a URL with a host name or address");
    }
    host = host.toLowerCase(Locale.ROOT);
    int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
    if (!settings.allowedHosts().isEmpty() && !settings.allowedHosts().contains(bare(host))) {
      throw new Refused("host_not_allowed", "the host must be one of " + settings.allowedHosts());
    }
    boolean trusted = settings.trustedTargets().contains(host + ":" + port);
    if (!trusted) {
      Optional<InetAddress> literal = EgressAddresses.literal(host);
      if (literal.isPresent()) {
        refuseUnlessPublic(literal.get());
      } else if (!EgressAddresses.isDnsName(host)) {
        throw new Refused(
            "invalid_format",
            "the host must be a DNS name or an address in canonical notation (1.2.3.4, [2001:db8::1])");
      }
    }
    return new Target(uri, host, port, trusted);
  }

  /**
   * The addresses to connect to for a host and port, resolved now: all of them public (a name with
   * one private address among public ones is refused, or the connection could pick it). The client
   * connects to these and resolves nothing itself.
   */
  public List<InetAddress> resolve(String host, int port) throws UnknownHostException {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.contains(":") && !name.startsWith("[")) {
      name = "[" + name + "]";
    }
    boolean trusted = settings.trustedTargets().contains(name + ":" + port);
    Optional<InetAddress> literal = EgressAddresses.literal(name);
    if (literal.isEmpty() && !trusted && !EgressAddresses.isDnsName(name)) {
      throw new Refused("invalid_format", "the host is not a DNS name");
    }
    InetAddress[] addresses =
        literal.isPresent() ? new InetAddress[] {literal.get()} : resolver.resolve(name);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException("no address");
    }
    if (!trusted) {
      for (InetAddress address : addresses) {
        refuseUnlessPublic(address);
      }
    }
    return List.of(addresses);
  }

  private static void refuseUnlessPublic(InetAddress address) throws Refused {
    Kind kind = EgressAddresses.classify(address);
    if (kind != Kind.PUBLIC) {
      throw new Refused(
          "address_not_allowed",
          "the host is or resolves to a "
              + kind.name().toLowerCase(Locale.ROOT).replace('_', '-')
              + " address, which webhooks may not reach");
    }
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
