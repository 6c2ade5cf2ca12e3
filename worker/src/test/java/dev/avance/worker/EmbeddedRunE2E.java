package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar as a separate process in its default embedded mode (real PostgreSQL, real
 * `temporal server start-dev`), driven over HTTP, killed with SIGKILL and started again.
 */
class EmbeddedRunE2E {
  private static final String KEY = AvanceProcess.KEY;
  private AvanceProcess app;

  @AfterEach
  void tearDown() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void survivesSigkillWithItsBorrowersAndWorkflows() throws Exception {
    app = new AvanceProcess("e2e");
    Process first = app.start("run-1", Map.of());
    long readyAfter = app.awaitReady(first, "run-1");
    System.out.printf("E2E: API and Temporal UI ready %d ms after launch%n", readyAfter);
    assertThat(app.ui().get("/", null).status()).isEqualTo(200);

    Http api = app.api();
    Http.Response created =
        api.postJson("/borrowers", KEY, "{\"identifier\":\"552100554\",\"name\":\"Acme SAS\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asString();
    awaitListed(
        "WorkflowId=\"borrower-"
            + id
            + "\" AND BorrowerStatus=\"TO_SIGN\" AND PlatformId=\"demo_sandbox\" AND BorrowerId=\""
            + id
            + "\"");

    long temporalPid = app.temporalPid().orElseThrow();
    AvanceProcess.kill(first);
    assertThat(first.exitValue()).isEqualTo(137);
    // The dev server outlived the killed app: the next start must cope with the orphan.
    assertThat(ProcessHandle.of(temporalPid).map(ProcessHandle::isAlive)).contains(true);

    Process second = app.start("run-2", Map.of());
    app.awaitReady(second, "run-2");

    Http.Response again = api.get("/borrower/" + id, KEY);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("name").asString()).isEqualTo("Acme SAS");
    awaitListed("WorkflowId=\"borrower-" + id + "\" AND ExecutionStatus=\"Running\"");
    // The worker is live after the restart: a new borrower goes through its workflow.
    Http.Response next = api.postJson("/borrowers", KEY, "{\"identifier\":\"732829320\"}");
    assertThat(next.status()).as(next.body()).isEqualTo(201);
    assertThat(api.get("/borrowers", KEY).json().path("data")).hasSize(2);
    assertThat(api.get("/borrowers", "avk_wrong").status()).isEqualTo(401);

    long secondTemporalPid = app.temporalPid().orElseThrow();
    long postgresPid = app.postgresPid().orElseThrow();
    second.destroy();
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(ProcessHandle.of(secondTemporalPid).map(ProcessHandle::isAlive))
                  .isNotEqualTo(Optional.of(true));
              assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive))
                  .isNotEqualTo(Optional.of(true));
            });
  }

  @Test
  void withoutATemporalCliItStopsWithOneClearSentence() throws Exception {
    app = new AvanceProcess("e2e-no-cli");
    Process process =
        app.start(
            "no-cli", Map.of("TEMPORAL_CLI", "/nonexistent/temporal", "PATH", "/usr/bin:/bin"));

    assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String output = app.log("no-cli");
    assertThat(process.exitValue()).isNotZero();
    assertThat(output)
        .contains("TEMPORAL_CLI points to /nonexistent/temporal")
        .contains("scripts/install-temporal-cli");
    assertThat(app.home.resolve("pg")).doesNotExist();
  }

  /** Asserts through the dev server's HTTP API, as an operator's UI would see it. */
  private void awaitListed(String query) {
    // Visibility is eventually consistent: poll.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              Http.Response r =
                  app.ui()
                      .get(
                          "/api/v1/namespaces/default/workflows?query="
                              + URLEncoder.encode(query, StandardCharsets.UTF_8),
                          null);
              assertThat(r.status()).as(r.body()).isEqualTo(200);
              JsonNode executions = r.json().path("executions");
              assertThat(executions).as(query).hasSize(1);
              assertThat(executions.get(0).path("type").path("name").asString())
                  .isEqualTo("BorrowerWorkflow");
            });
  }
}
