package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged jar with small limits: a key past its rate gets 429 with Retry-After while another
 * key is served; bodies past the size or depth limits are refused; with no decision wait allowed, a
 * wait_for_ready answers at once with the borrower as it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsE2E {
  private AvanceProcess app;
  private Http api;
  private int platforms;

  @BeforeAll
  void start() throws Exception {
    app = new AvanceProcess("limits");
    Process run =
        app.start(
            "run",
            Map.of(
                "AVANCE_API_RATE_CAPACITY", "5",
                "AVANCE_API_RATE_PER_SECOND", "1",
                "AVANCE_API_MAX_DECISION_WAITS", "0"));
    app.awaitReady(run, "run");
    api = app.api();
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** A fresh platform's sandbox key: a bucket of its own. */
  private String freshKey() {
    Http.Response r =
        api.postJson(
            "/ops/platforms",
            AvanceProcess.OPERATOR_KEY,
            "{\"id\":\"limits-" + (++platforms) + "\",\"name\":\"Limits\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("sandbox_key").path("api_key").asString();
  }

  @Test
  void aKeyPastItsRateGets429WithRetryAfterAndAnotherKeyIsServed() {
    String busy = freshKey();
    String calm = freshKey();
    List<Http.Response> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(api.get("/borrowers", busy));
    }
    assertThat(answers.subList(0, 5)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    Http.Response limited =
        answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
    assertThat(limited.contentType()).startsWith("application/problem+json");
    assertThat(limited.json().path("code").asString()).isEqualTo("rate_limited");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 5);

    assertThat(api.get("/borrowers", calm).status()).isEqualTo(200);
    // Operators are not limited.
    for (int i = 0; i < 8; i++) {
      assertThat(api.get("/ops/audit", AvanceProcess.OPERATOR_KEY).status()).isEqualTo(200);
    }
    // The bucket refills: after Retry-After the busy key is served again.
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> api.get("/borrowers", busy).status() == 200);
  }

  @Test
  void bodiesPastTheSizeOrDepthLimitAreRefused() {
    String key = freshKey();
    String big = "{\"identifier\":\"552100554\",\"name\":\"" + "x".repeat(70_000) + "\"}";
    Http.Response declared = api.postJson("/borrowers", key, big);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.contentType()).startsWith("application/problem+json");
    assertThat(declared.json().path("code").asString()).isEqualTo("payload_too_large");

    Http.Response chunked =
        api.postChunked("/borrowers", key, big.getBytes(StandardCharsets.UTF_8));
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(chunked.json().path("code").asString()).isEqualTo("payload_too_large");

    String deep =
        "{\"identifier\":\"552100554\",\"metadata\":"
            + "{\"a\":".repeat(40)
            + "1"
            + "}".repeat(40)
            + "}";
    Http.Response nested = api.postJson("/borrowers", key, deep);
    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.contentType()).startsWith("application/problem+json");
    assertThat(nested.json().path("code").asString()).isEqualTo("malformed_request");
  }

  @Test
  void pastTheCapOfDecisionWaitsTheAnswerComesAtOnceWithTheBorrowerAsItIs() {
    String key = freshKey();
    Http.Response created =
        api.postJson(
            "/borrowers",
            key,
            "{\"identifier\":\""
                + Sirens.eligible()
                + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    // The same answer shape as a wait that timed out: the borrower before it is settled.
    assertThat(created.json().path("status").asString()).isNotEqualTo("READY");
    String id = created.json().path("id").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> "READY".equals(api.get("/borrower/" + id, key).json().path("status").asString()));
  }
}
