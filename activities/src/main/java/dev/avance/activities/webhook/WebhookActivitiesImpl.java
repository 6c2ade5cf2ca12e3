package dev.avance.activities.webhook;

import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.webhook.DeliveryAttempt;
import dev.avance.workflows.webhook.DeliveryFailed;
import dev.avance.workflows.webhook.WebhookActivities;
import dev.avance.workflows.webhook.WebhookDelivery;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Delivers webhooks under the egress rules ({@link EgressPolicy}): the URL is checked again at
 * every attempt, the host resolved and each of its addresses checked, and the connection made to
 * those addresses only. No redirect is followed (a 3xx is a failed attempt with its status), and
 * nothing the receiver sends is kept: the log has the status code, or a reason of ours.
 */
@Component
public class WebhookActivitiesImpl implements WebhookActivities {
  private static final Timeout TIMEOUT = Timeout.ofSeconds(10);

  private final WebhookRepository webhooks;
  private final EgressPolicy egress;
  private final Clock clock;
  private final CloseableHttpClient http;

  public WebhookActivitiesImpl(WebhookRepository webhooks, EgressPolicy egress, Clock clock) {
    this.webhooks = webhooks;
    this.egress = egress;
    this.clock = clock;
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new CheckedResolver(egress))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(TIMEOUT)
                            .setSocketTimeout(TIMEOUT)
                            .build())
                    .setMaxConnTotal(50)
                    .setMaxConnPerRoute(5)
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            // A connection kept for later would skip the next attempt's address check.
            .setConnectionReuseStrategy((request, response, context) -> false)
            .build();
  }

  @PreDestroy
  void close() throws IOException {
    http.close();
  }

  @Override
  public DeliveryAttempt deliver(WebhookDelivery delivery) {
    WebhookRepository.Endpoint endpoint = webhooks.endpoint(delivery.subscriptionId()).orElse(null);
    if (endpoint == null) {
      // Deleted meanwhile: nobody to deliver to, and nothing to retry.
      webhooks.markFailed(delivery.deliveryId(), "subscription deleted", clock.instant());
      return new DeliveryAttempt(delivery.deliveryId(), 0);
    }
    EgressPolicy.Target target;
    try {
      // Again at delivery: a subscription stored before these rules, or before a setting changed.
      target = egress.check(endpoint.url(), endpoint.sandbox());
    } catch (EgressPolicy.Refused e) {
      throw failed(delivery, null, "refused: " + e.getMessage());
    }
    long now = clock.instant().getEpochSecond();
    HttpPost post = new HttpPost(target.uri());
    post.setHeader("User-Agent", "Avance-Webhooks/1");
    post.setHeader("Avance-Event-Id", Long.toString(delivery.eventId()));
    post.setHeader(
        WebhookSignature.HEADER,
        WebhookSignature.header(endpoint.secret(), now, delivery.payloadJson()));
    post.setEntity(new StringEntity(delivery.payloadJson(), ContentType.APPLICATION_JSON));
    int status;
    try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
      status = response.getCode();
      // The body is never read: drop the connection rather than drain what the receiver sends.
      post.cancel();
    } catch (IOException e) {
      throw failed(delivery, null, reason(e));
    }
    boolean delivered = status >= 200 && status < 300;
    if (!delivered) {
      throw failed(delivery, status, "HTTP " + status);
    }
    webhooks.recordAttempt(delivery.deliveryId(), true, status, null, clock.instant());
    return new DeliveryAttempt(delivery.deliveryId(), status);
  }

  private IllegalStateException failed(WebhookDelivery delivery, Integer status, String reason) {
    webhooks.recordAttempt(delivery.deliveryId(), false, status, reason, clock.instant());
    return new IllegalStateException("delivery failed: " + reason);
  }

  /**
   * A reason of ours for a failed exchange. Never the exception's message: a server that is not an
   * HTTP receiver (a database's port, say) has its first bytes quoted there.
   */
  static String reason(IOException e) {
    if (e instanceof EgressPolicy.Refused) {
      return "refused: " + e.getMessage();
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof ConnectTimeoutException) {
      return "connection timed out";
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return "connection refused";
    }
    if (e instanceof InterruptedIOException) {
      return "timed out";
    }
    if (e instanceof SSLException) {
      return "TLS failed";
    }
    if (e instanceof org.apache.hc.core5.http.NoHttpResponseException) {
      return "no response";
    }
    return "not a valid HTTP response";
  }

  @Override
  public Done markFailed(DeliveryFailed failure) {
    webhooks.markFailed(failure.deliveryId(), failure.reason(), clock.instant());
    return new Done(true);
  }

  /** The client's only resolver: answers the addresses the egress rules allow, or refuses. */
  private record CheckedResolver(EgressPolicy egress) implements DnsResolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      return egress.resolve(host, -1).toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
      return egress.resolve(host, port).stream().map(a -> new InetSocketAddress(a, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
      return host;
    }
  }
}
