package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar as a separate process in its default embedded mode (real PostgreSQL, real
 * `temporal server start-dev`), driven over HTTP, killed with SIGKILL and started again.
 */
class EmbeddedRunE2E {
  private static final String KEY = "avk_e2e_0123456789abcdef0123456789";
  private static final Path JAR = Path.of(System.getProperty("avance.jar", "target/avance.jar"));
  private static final String CLI = System.getProperty("temporal.cli", "");

  private final List<Process> started = new ArrayList<>();
  private Path home;
  private int apiPort;
  private int temporalPort;
  private int uiPort;
  private int postgresPort;

  @BeforeEach
  void setUp() throws IOException {
    home = Path.of("target", "e2e-home").toAbsolutePath();
    FileSystemUtils.deleteRecursively(home);
    Files.createDirectories(home);
    apiPort = freePort();
    temporalPort = freePort();
    uiPort = freePort();
    postgresPort = freePort();
  }

  @AfterEach
  void tearDown() {
    started.forEach(Process::destroyForcibly);
    // Children of a killed app are orphans; stop them by their pid files.
    for (Path pidFile : List.of(home.resolve("temporal.pid"), home.resolve("pg/postmaster.pid"))) {
      readPid(pidFile).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void survivesSigkillWithItsBorrowersAndWorkflows() throws Exception {
    Process first = start("run-1", Map.of());
    long readyAfter = awaitReady(first, "run-1");
    System.out.printf("E2E: API and Temporal UI ready %d ms after launch%n", readyAfter);
    assertThat(get(uiPort, "/").status()).isEqualTo(200);

    Http api = new Http("http://localhost:" + apiPort);
    Http.Response created =
        api.postJson("/borrowers", KEY, "{\"identifier\":\"552100554\",\"name\":\"Acme SAS\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asString();
    awaitListed(
        "WorkflowId=\"borrower-"
            + id
            + "\" AND BorrowerStatus=\"TO_SIGN\" AND PlatformId=\"demo\" AND BorrowerId=\""
            + id
            + "\"");

    long temporalPid = readPid(home.resolve("temporal.pid")).orElseThrow();
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(137);
    // The dev server outlived the killed app: the next start must cope with the orphan.
    assertThat(ProcessHandle.of(temporalPid).map(ProcessHandle::isAlive)).contains(true);

    Process second = start("run-2", Map.of());
    awaitReady(second, "run-2");

    Http.Response again = api.get("/borrower/" + id, KEY);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("name").asString()).isEqualTo("Acme SAS");
    awaitListed("WorkflowId=\"borrower-" + id + "\" AND ExecutionStatus=\"Running\"");
    // The worker is live after the restart: a new borrower goes through its workflow.
    Http.Response next = api.postJson("/borrowers", KEY, "{\"identifier\":\"732829320\"}");
    assertThat(next.status()).as(next.body()).isEqualTo(201);
    assertThat(api.get("/borrowers", KEY).json().path("data")).hasSize(2);
    assertThat(api.get("/borrowers", "avk_wrong").status()).isEqualTo(401);

    long secondTemporalPid = readPid(home.resolve("temporal.pid")).orElseThrow();
    long postgresPid = readPid(home.resolve("pg/postmaster.pid")).orElseThrow();
    second.destroy();
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(ProcessHandle.of(secondTemporalPid).map(ProcessHandle::isAlive))
                  .isNotEqualTo(java.util.Optional.of(true));
              assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive))
                  .isNotEqualTo(java.util.Optional.of(true));
            });
  }

  @Test
  void withoutATemporalCliItStopsWithOneClearSentence() throws Exception {
    Process app =
        start("no-cli", Map.of("TEMPORAL_CLI", "/nonexistent/temporal", "PATH", "/usr/bin:/bin"));

    assertThat(app.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(home.resolve("no-cli.log"));
    assertThat(app.exitValue()).isNotZero();
    assertThat(output)
        .contains("TEMPORAL_CLI points to /nonexistent/temporal")
        .contains("scripts/install-temporal-cli");
    assertThat(home.resolve("pg")).doesNotExist();
  }

  private Process start(String name, Map<String, String> extraEnv) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toAbsolutePath().toString())
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve(name + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("AVANCE_HOME", home.toString());
    env.put("PORT", Integer.toString(apiPort));
    env.put("AVANCE_TEMPORAL_PORT", Integer.toString(temporalPort));
    env.put("AVANCE_TEMPORAL_UI_PORT", Integer.toString(uiPort));
    env.put("AVANCE_POSTGRES_PORT", Integer.toString(postgresPort));
    env.put("AVANCE_DEMO_API_KEY", KEY);
    env.put("TEMPORAL_CLI", CLI);
    env.putAll(extraEnv);
    Process process = builder.start();
    started.add(process);
    return process;
  }

  private long awaitReady(Process process, String name) {
    long begin = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError(
                    name + " exited: " + Files.readString(home.resolve(name + ".log")));
              }
              try {
                return get(apiPort, "/actuator/health/readiness").status() == 200;
              } catch (IllegalStateException notYet) {
                return false;
              }
            });
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
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
                  get(
                      uiPort,
                      "/api/v1/namespaces/default/workflows?query="
                          + URLEncoder.encode(query, StandardCharsets.UTF_8));
              assertThat(r.status()).as(r.body()).isEqualTo(200);
              JsonNode executions = r.json().path("executions");
              assertThat(executions).as(query).hasSize(1);
              assertThat(executions.get(0).path("type").path("name").asString())
                  .isEqualTo("BorrowerWorkflow");
            });
  }

  private static Http.Response get(int port, String path) {
    return new Http("http://localhost:" + port).get(path, null);
  }

  private static java.util.Optional<Long> readPid(Path pidFile) {
    try {
      return java.util.Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
