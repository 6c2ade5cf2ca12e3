package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.avance.activities.webhook.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
    // The port the suite's settings trust (EmbeddedApiTest): the one receiver exempt from the
    // egress rules.
    receiver =
        HttpServer.create(
            new InetSocketAddress("127.0.0.1", Integer.getInteger("avance.it.webhook-port")), 0);
    receiver.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          String path = exchange.getRequestURI().getPath();
          int status = 200;
          if (path.startsWith("/redirect")) {
            // To the PostgreSQL port: a client that followed would post the event there.
            exchange
                .getResponseHeaders()
                .add(
                    "Location",
                    "http://127.0.0.1:" + System.getProperty("avance.it.postgres-port"));
            status = 302;
          } else if (path.startsWith("/chatty")) {
            byte[] secret = "INTERNAL-SECRET-BANNER".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, secret.length);
            exchange.getResponseBody().write(secret);
            exchange.close();
            return;
          } else if (path.startsWith("/flaky") && flakyFailuresLeft.getAndDecrement() > 0) {
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
  void tearDown() throws IOException {
    receiver.stop(0);
    if (raw != null) {
      raw.close();
    }
  }

  /** A server that is no HTTP receiver (as a database's port): it answers a banner and hangs up. */
  ServerSocket raw;

  private void startRawServer() throws IOException {
    raw =
        new ServerSocket(
            Integer.getInteger("avance.it.raw-port"), 50, InetAddress.getByName("127.0.0.1"));
    Thread accept =
        new Thread(
            () -> {
              while (!raw.isClosed()) {
                try (Socket socket = raw.accept()) {
                  socket
                      .getOutputStream()
                      .write(
                          "SECRET-BANNER pg 16.4 ready\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                  socket.getOutputStream().flush();
                } catch (IOException closed) {
                  // the test is over
                }
              }
            });
    accept.setDaemon(true);
    accept.start();
  }

  private Http.Response trySubscribe(String key, String toUrl) {
    return http.postJson(
        "/webhooks", key, "{\"to_url\":\"" + toUrl + "\",\"event_types\":[\"*\"]}");
  }

  private String onboard(String key) {
    return http.postJson(
            "/borrowers",
            key,
            "{\"identifier\":\""
                + Sirens.eligible()
                + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}")
        .json()
        .path("id")
        .asString();
  }

  private JsonNode lastDelivery(String webhookId) {
    JsonNode deliveries =
        http.get("/webhook/" + webhookId + "/deliveries", KEY_A).json().path("data");
    assertThat(deliveries).isNotEmpty();
    return deliveries.get(deliveries.size() - 1);
  }

  @Test
  void loopbackPrivateAndLinkLocalTargetsAreRefusedInAnyNotation() {
    int pg = Integer.getInteger("avance.it.postgres-port");
    int temporal = Integer.getInteger("avance.it.temporal-port");
    int trusted = receiver.getAddress().getPort();
    for (String url :
        List.of(
            "http://127.0.0.1:" + pg + "/",
            "http://127.0.0.1:" + temporal + "/",
            "http://127.0.0.1/",
            "http://[::1]:" + trusted + "/",
            "http://[::ffff:127.0.0.1]:" + trusted + "/",
            "http://10.0.0.1/hook",
            "http://172.16.5.4/hook",
            "http://192.168.1.1/hook",
            "http://100.64.0.1/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://0.0.0.0:" + trusted + "/",
            "http://[fd00::1]/",
            "http://[fe80::1]/")) {
      Http.Response r = trySubscribe(KEY_A, url);
      assertThat(r.status()).as(url).isEqualTo(400);
      assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("to_url");
      assertThat(r.json().path("errors").get(0).path("code").asString())
          .as(url)
          .isEqualTo("address_not_allowed");
    }
    for (String url :
        List.of(
            "http://localhost:" + trusted + "/",
            "http://2130706433/",
            "http://0x7f.1/",
            "http://017700000001/",
            "http://127.1:" + trusted + "/",
            "http://intranet/")) {
      Http.Response r = trySubscribe(KEY_A, url);
      assertThat(r.status()).as(url).isEqualTo(400);
      assertThat(r.json().path("errors").get(0).path("code").asString())
          .as(url)
          .isEqualTo("invalid_format");
    }
    // Live keys: https only (this suite does not allow http).
    Http.Response plain = trySubscribe(KEY_A_LIVE, "http://hooks.example.com/avance");
    assertThat(plain.status()).isEqualTo(400);
    assertThat(plain.json().path("errors").get(0).path("code").asString())
        .isEqualTo("https_required");
    Http.Response secure = trySubscribe(KEY_A_LIVE, "https://hooks.example.com/avance");
    assertThat(secure.status()).as(secure.body()).isEqualTo(201);
    String id = secure.json().path("id").asString();
    assertThat(http.method("DELETE", "/webhook/" + id, KEY_A_LIVE).status()).isEqualTo(204);
  }

  @Test
  void aRedirectIsNotFollowedAndTheLogKeepsTheStatusNotWhatTheReceiverSaid() throws IOException {
    startRawServer();
    String redirect = subscribe(KEY_A, "/redirect", "[\"borrower.READY\"]").path("id").asString();
    String rawId =
        trySubscribe(KEY_A, "http://127.0.0.1:" + raw.getLocalPort() + "/")
            .json()
            .path("id")
            .asString();
    onboard(KEY_A);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode delivery = lastDelivery(redirect);
              assertThat(delivery.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
              assertThat(delivery.path("status").asString()).isNotEqualTo("DELIVERED");
              assertThat(delivery.path("last_status_code").asInt()).isEqualTo(302);
              assertThat(delivery.path("last_error").asString()).isEqualTo("HTTP 302");
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode delivery = lastDelivery(rawId);
              assertThat(delivery.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
              assertThat(delivery.path("status").asString()).isNotEqualTo("DELIVERED");
              assertThat(delivery.path("last_error").asString())
                  .isIn("not a valid HTTP response", "no response");
            });
    assertThat(http.get("/webhook/" + rawId + "/deliveries", KEY_A).body())
        .doesNotContain("SECRET-BANNER")
        .doesNotContain("pg 16");
    assertThat(http.method("DELETE", "/webhook/" + redirect, KEY_A).status()).isEqualTo(204);
    assertThat(http.method("DELETE", "/webhook/" + rawId, KEY_A).status()).isEqualTo(204);
  }

  @Test
  void anEnvironmentHasAtMostItsCapOfSubscriptions() {
    List<String> made = new java.util.ArrayList<>();
    int active = http.get("/webhooks", KEY_B).json().path("data").size();
    for (int i = active; i < MAX_WEBHOOKS; i++) {
      Http.Response r = trySubscribe(KEY_B, "https://hooks.example.com/" + i);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      made.add(r.json().path("id").asString());
    }
    Http.Response over = trySubscribe(KEY_B, "https://hooks.example.com/over");
    assertThat(over.status()).isEqualTo(409);
    assertThat(over.contentType()).startsWith("application/problem+json");
    assertThat(over.json().path("code").asString()).isEqualTo("webhook_limit_reached");
    // The cap is per environment: the other platform still subscribes.
    Http.Response other = trySubscribe(KEY_A_LIVE, "https://hooks.example.com/other");
    assertThat(other.status()).isEqualTo(201);
    made.add(other.json().path("id").asString());
    for (String id : made) {
      String key = id.equals(other.json().path("id").asString()) ? KEY_A_LIVE : KEY_B;
      assertThat(http.method("DELETE", "/webhook/" + id, key).status()).isEqualTo(204);
    }
    assertThat(trySubscribe(KEY_B, "https://hooks.example.com/again").status()).isEqualTo(201);
    made.clear();
    http.get("/webhooks", KEY_B)
        .json()
        .path("data")
        .forEach(w -> http.method("DELETE", "/webhook/" + w.path("id").asString(), KEY_B));
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
