package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar in embedded mode with its children killed under it: readiness goes DOWN, the API
 * answers 503 with Retry-After at once instead of hanging, the supervisor starts the child again on
 * the same data, and the same app serves again. A SIGTERM then ends it within 30 s.
 */
class SupervisionE2E {
  private static final String KEY = AvanceProcess.KEY;
  // Long enough that the outage is observed before the restart, whatever the machine's speed.
  private static final Map<String, String> SLOW_FIRST_RESTART =
      Map.of("AVANCE_EMBEDDED_RESTART_BACKOFF_INITIAL", "6s");
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

  private AvanceProcess app;

  @AfterEach
  void tearDown() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void killedChildrenAreRestartedAndTheAppRecoversByItself() throws Exception {
    app = new AvanceProcess("supervision");
    Process run = app.start("run", SLOW_FIRST_RESTART);
    app.awaitReady(run, "run");
    Http api = app.api();
    Http.Response first = createBorrower(api);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String borrowerId = first.json().path("id").asString();

    long temporalPid = app.temporalPid().orElseThrow();
    kill9(temporalPid);
    awaitReadiness(api, 503, Duration.ofSeconds(3));
    assertFastUnavailable(createBorrowerTimed(api));
    awaitReadiness(api, 200, Duration.ofSeconds(60));
    assertThat(app.temporalPid()).isPresent().isNotEqualTo(Optional.of(temporalPid));
    assertThat(awaitCreated(api).status()).isEqualTo(201);
    assertThat(api.get("/borrower/" + borrowerId, KEY).status()).isEqualTo(200);

    long postgresPid = app.postgresPid().orElseThrow();
    kill9(postgresPid);
    awaitReadiness(api, 503, Duration.ofSeconds(3));
    assertFastUnavailable(timed(() -> api.get("/borrower/" + borrowerId, KEY)));
    awaitReadiness(api, 200, Duration.ofSeconds(60));
    assertThat(app.postgresPid()).isPresent().isNotEqualTo(Optional.of(postgresPid));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.get("/borrower/" + borrowerId, KEY).status() == 200);
    assertThat(awaitCreated(api).status()).isEqualTo(201);
    app.assertBooksBalance();

    assertStopsGracefully(run);
  }

  @Test
  void stopsWithinThirtySecondsWhileItsDevServerIsDead() throws Exception {
    app = new AvanceProcess("supervision-stop");
    // The restart would come too late: the stop meets a dead dev server.
    Process run = app.start("run", Map.of("AVANCE_EMBEDDED_RESTART_BACKOFF_INITIAL", "60s"));
    app.awaitReady(run, "run");
    assertThat(createBorrower(app.api()).status()).isEqualTo(201);
    kill9(app.temporalPid().orElseThrow());
    awaitReadiness(app.api(), 503, Duration.ofSeconds(3));
    assertStopsGracefully(run);
  }

  private void assertStopsGracefully(Process run) throws Exception {
    long temporalPid = app.temporalPid().orElse(-1L);
    long postgresPid = app.postgresPid().orElseThrow();
    long begin = System.nanoTime();
    run.destroy();
    boolean exited = run.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    System.out.printf("Supervision E2E: SIGTERM to exit in %d ms%n", millis);
    assertThat(exited).as("exited within " + GRACEFUL_STOP).isTrue();
    assertThat(ProcessHandle.of(temporalPid).map(ProcessHandle::isAlive))
        .isNotEqualTo(Optional.of(true));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive).orElse(false));
  }

  private static void kill9(long pid) {
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    assertThat(process.destroyForcibly()).isTrue();
    process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
  }

  private static void awaitReadiness(Http api, int status, Duration within) {
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/readyz", null).status() == status);
  }

  private static void assertFastUnavailable(Timed answer) {
    Http.Response r = answer.response();
    System.out.printf(
        "Supervision E2E: %d in %d ms during the outage%n", r.status(), answer.millis());
    assertThat(r.status()).as(r.body()).isEqualTo(503);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).isEqualTo("temporarily_unavailable");
    assertThat(r.header("Retry-After")).contains("2");
    assertThat(answer.millis()).isLessThan(2_000);
  }

  private static Http.Response createBorrower(Http api) {
    return api.postJson("/borrowers", KEY, "{\"identifier\":\"" + Sirens.rich() + "\"}");
  }

  private static Timed createBorrowerTimed(Http api) {
    return timed(() -> createBorrower(api));
  }

  /** The app is ready again; the first requests may still meet a reconnecting client. */
  private static Http.Response awaitCreated(Http api) {
    Http.Response[] last = new Http.Response[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> (last[0] = createBorrower(api)).status() == 201);
    return last[0];
  }

  private static Timed timed(java.util.function.Supplier<Http.Response> call) {
    long begin = System.nanoTime();
    Http.Response r = call.get();
    return new Timed(r, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
  }

  private record Timed(Http.Response response, long millis) {}
}
