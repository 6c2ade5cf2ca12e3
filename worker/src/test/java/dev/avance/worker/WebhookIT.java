package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.avance.activities.webhook.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Signed webhook deliveries to a real HTTP receiver, including one that fails before it works. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIT extends EmbeddedApiTest {
  record Received(String path, String signature, String eventId, String body) {}

  @LocalServerPort int port;
  Http http;
  HttpServer receiver;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger flakyFailuresLeft = new AtomicInteger(2);

  @BeforeAll
  void setUp() throws IOException {
    http = new Http("http://localhost:" + port);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          String path = exchange.getRequestURI().getPath();
          int status = 200;
          if (path.startsWith("/flaky") && flakyFailuresLeft.getAndDecrement() > 0) {
            status = 500;
          } else {
            received.add(
                new Received(
                    path,
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    exchange.getRequestHeaders().getFirst("Avance-Event-Id"),
                    body));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterAll
  void tearDown() {
    receiver.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  private JsonNode subscribe(String key, String path, String types) {
    Http.Response r =
        http.postJson(
            "/webhooks", key, "{\"to_url\":\"" + url(path) + "\",\"event_types\":" + types + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  @Test
  void statusChangesAreDeliveredSignedAndRetriedUntilTheReceiverAnswers() {
    JsonNode ok = subscribe(KEY_A, "/ok", "[\"borrower.*\",\"credit_line.ACTIVE\"]");
    JsonNode flaky = subscribe(KEY_A, "/flaky", "[\"borrower.READY\"]");
    String secret = ok.path("secret").asString();
    assertThat(secret).startsWith("whsec_");
    assertThat(http.get("/webhooks", KEY_A).json().path("data").get(0).has("secret")).isFalse();

    String borrowerId =
        http.postJson(
                "/borrowers",
                KEY_A,
                "{\"identifier\":\""
                    + Sirens.eligible()
                    + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}")
            .json()
            .path("id")
            .asString();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(received)
                    .filteredOn(r -> r.path().equals("/ok") && r.body().contains(borrowerId))
                    .extracting(r -> Http.JSON.readTree(r.body()).path("type").asString())
                    .contains("borrower.SIGNED", "credit_line.ACTIVE", "borrower.READY"));
    for (Received r :
        received.stream()
            .filter(r -> r.path().equals("/ok") && r.body().contains(borrowerId))
            .toList()) {
      // The documented scheme: t=<unix>,v1=HMAC-SHA256(secret, "<t>.<body>").
      String[] parts = r.signature().split(",");
      String t = parts[0].substring(2);
      assertThat(parts[1]).isEqualTo("v1=" + WebhookSignature.hmac(secret, t + "." + r.body()));
      assertThat(Long.parseLong(t))
          .isBetween(Instant.now().getEpochSecond() - 120, Instant.now().getEpochSecond() + 5);
      JsonNode event = Http.JSON.readTree(r.body());
      assertThat(event.path("id").asString()).isEqualTo("evt_" + r.eventId());
      assertThat(event.path("data").has("id") || event.path("data").has("borrower_id")).isTrue();
    }
    JsonNode ready =
        received.stream()
            .filter(r -> r.path().equals("/ok") && r.body().contains("borrower.READY"))
            .map(r -> Http.JSON.readTree(r.body()))
            .filter(e -> e.path("data").path("id").asString().equals(borrowerId))
            .findFirst()
            .orElseThrow();
    assertThat(ready.path("data").path("status").asString()).isEqualTo("READY");

    String flakyId = flaky.path("id").asString();
    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () -> {
              JsonNode deliveries =
                  http.get("/webhook/" + flakyId + "/deliveries", KEY_A).json().path("data");
              assertThat(deliveries).isNotEmpty();
              JsonNode first = deliveries.get(deliveries.size() - 1);
              assertThat(first.path("status").asString()).isEqualTo("DELIVERED");
              assertThat(first.path("attempts").asInt()).isGreaterThanOrEqualTo(3);
            });
    assertThat(received).filteredOn(r -> r.path().equals("/flaky")).isNotEmpty();

    assertThat(http.get("/webhook/" + flakyId + "/deliveries", KEY_B).status()).isEqualTo(404);
    assertThat(http.method("DELETE", "/webhook/" + flakyId, KEY_B).status()).isEqualTo(404);
    assertThat(http.method("DELETE", "/webhook/" + flakyId, KEY_A).status()).isEqualTo(204);
    assertThat(http.get("/webhooks", KEY_A).json().path("data"))
        .extracting(w -> w.path("id").asString())
        .doesNotContain(flakyId);
  }

  @Test
  void badSubscriptionsAreRefused() {
    assertThat(
            http.postJson("/webhooks", KEY_A, "{\"to_url\":\"ftp://x\",\"event_types\":[\"*\"]}")
                .status())
        .isEqualTo(400);
    assertThat(
            http.postJson(
                    "/webhooks", KEY_A, "{\"to_url\":\"" + url("/x") + "\",\"event_types\":[]}")
                .status())
        .isEqualTo(400);
    assertThat(
            http.postJson(
                    "/webhooks",
                    KEY_A,
                    "{\"to_url\":\"" + url("/x") + "\",\"event_types\":[\"LOAN\"]}")
                .status())
        .isEqualTo(400);
  }
}
