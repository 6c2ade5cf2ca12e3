package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code Idempotency-Key} over HTTP: a retried POST answers what the first one answered and does
 * nothing again (a second onboarding of the same company would be a 409 without the key); the key
 * with another body is a 409; keys are per platform; two retries racing run the request once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIT extends EmbeddedApiTest {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Http http;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
  }

  private static String borrower(String siren) {
    return "{\"identifier\":\"" + siren + "\"}";
  }

  private long borrowersWith(String siren) {
    return jdbc.sql("select count(*) from borrowers where identifier = :siren")
        .param("siren", siren)
        .query(Long.class)
        .single();
  }

  @Test
  void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndChangesNothing() {
    String siren = Sirens.eligible();
    String key = UUID.randomUUID().toString();

    Http.Response first = http.postJson("/borrowers", KEY_A, borrower(siren), key);
    Http.Response retry = http.postJson("/borrowers", KEY_A, borrower(siren), key);
    Http.Response withoutKey = http.postJson("/borrowers", KEY_A, borrower(siren));

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.contentType()).isEqualTo(first.contentType());
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(withoutKey.status()).isEqualTo(409);
    assertThat(borrowersWith(siren)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
    String key = UUID.randomUUID().toString();
    String other = Sirens.eligible();
    assertThat(http.postJson("/borrowers", KEY_A, borrower(Sirens.eligible()), key).status())
        .isEqualTo(201);

    Http.Response reused = http.postJson("/borrowers", KEY_A, borrower(other), key);

    assertThat(reused.status()).as(reused.body()).isEqualTo(409);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(reused.json().path("code").asString()).isEqualTo("idempotency_key_reused");
    assertThat(borrowersWith(other)).isZero();
  }

  @Test
  void keysArePerPlatform() {
    String key = UUID.randomUUID().toString();
    String siren = Sirens.eligible();

    Http.Response a = http.postJson("/borrowers", KEY_A, borrower(siren), key);
    Http.Response b = http.postJson("/borrowers", KEY_B, borrower(siren), key);

    assertThat(a.status()).isEqualTo(201);
    assertThat(b.status()).as(b.body()).isEqualTo(201);
    assertThat(b.header("Idempotent-Replayed")).isNull();
    assertThat(b.json().path("id").asString()).isNotEqualTo(a.json().path("id").asString());
  }

  @Test
  void aRefusalIsReplayedTooAndABadKeyIsA400() {
    String key = UUID.randomUUID().toString();
    Http.Response refused = http.postJson("/borrowers", KEY_A, borrower("123"), key);
    Http.Response again = http.postJson("/borrowers", KEY_A, borrower("123"), key);
    Http.Response badKey = http.postJson("/borrowers", KEY_A, borrower("123"), "x".repeat(256));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(badKey.status()).isEqualTo(400);
    assertThat(badKey.json().path("errors").get(0).path("field").asString())
        .isEqualTo("Idempotency-Key");
  }

  @Test
  void racingRetriesRunTheRequestOnce() throws Exception {
    String siren = Sirens.eligible();
    String key = UUID.randomUUID().toString();
    String body = "{\"identifier\":\"" + siren + "\",\"wait_for_ready\":true}";
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Http.Response>> sent =
          java.util.stream.IntStream.range(0, 4)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> http.postJson("/borrowers", KEY_A, body, key), pool))
              .toList();
      List<Integer> statuses = sent.stream().map(f -> f.join().status()).toList();

      assertThat(statuses).containsOnly(201, 409).contains(201);
      sent.stream()
          .map(CompletableFuture::join)
          .filter(r -> r.status() == 409)
          .forEach(
              r -> {
                assertThat(r.json().path("code").asString())
                    .isEqualTo("idempotency_key_in_progress");
                assertThat(r.header("Retry-After")).isEqualTo("1");
              });
    } finally {
      pool.shutdownNow();
    }
    assertThat(borrowersWith(siren)).isEqualTo(1);
    Http.Response after = http.postJson("/borrowers", KEY_A, body, key);
    assertThat(after.status()).isEqualTo(201);
    assertThat(after.header("Idempotent-Replayed")).isEqualTo("true");
  }
}
