package dev.avance.worker;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged jar run as a separate process in its embedded mode, as a newcomer runs it: real
 * PostgreSQL and `temporal server start-dev` as its children, state in one home folder that
 * survives restarts. Ports are free ones, so that tests never meet a developer's own instance.
 */
final class AvanceProcess implements AutoCloseable {
  /** The demo platform's sandbox key (AVANCE_DEMO_API_KEY): its money goes to the simulator. */
  static final String KEY = "avk_test_e2e_0123456789abcdef0123456789";

  /** The operator key (AVANCE_OPERATOR_API_KEY): the suites end on the books' check. */
  static final String OPERATOR_KEY = "avk_test_e2e_operator_0123456789abcdef";

  private static final Path JAR = Path.of(System.getProperty("avance.jar", "target/avance.jar"));
  private static final String CLI = System.getProperty("temporal.cli", "");

  final Path home;
  final int apiPort;
  final int temporalPort;
  final int uiPort;
  final int postgresPort;
  final int managementPort;
  private final List<Process> started = new ArrayList<>();

  AvanceProcess(String name) throws IOException {
    home = Path.of("target", name + "-home").toAbsolutePath();
    FileSystemUtils.deleteRecursively(home);
    Files.createDirectories(home);
    apiPort = Ports.free();
    temporalPort = Ports.free();
    uiPort = Ports.free();
    postgresPort = Ports.free();
    managementPort = Ports.free();
  }

  Http api() {
    return new Http("http://localhost:" + apiPort);
  }

  /** The management port: the actuator and /actuator/prometheus. */
  Http management() {
    return new Http("http://localhost:" + managementPort);
  }

  Http ui() {
    return new Http("http://localhost:" + uiPort);
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgresPort + "/postgres?user=postgres";
  }

  Process start(String run, Map<String, String> extraEnv) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toAbsolutePath().toString())
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve(run + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("AVANCE_HOME", home.toString());
    env.put("PORT", Integer.toString(apiPort));
    env.put("AVANCE_MANAGEMENT_PORT", Integer.toString(managementPort));
    env.put("AVANCE_TEMPORAL_PORT", Integer.toString(temporalPort));
    env.put("AVANCE_TEMPORAL_UI_PORT", Integer.toString(uiPort));
    env.put("AVANCE_POSTGRES_PORT", Integer.toString(postgresPort));
    env.put("AVANCE_DEMO_API_KEY", KEY);
    env.put("TEMPORAL_CLI", CLI);
    env.put("AVANCE_OPERATOR_API_KEY", OPERATOR_KEY);
    env.putAll(extraEnv);
    Process process = builder.start();
    started.add(process);
    return process;
  }

  /** Waits until the API is ready; returns how long it took. */
  long awaitReady(Process process, String run) {
    long begin = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError(run + " exited: " + log(run));
              }
              try {
                return api().get("/readyz", null).status() == 200;
              } catch (IllegalStateException notYet) {
                return false;
              }
            });
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
  }

  /** The books hold: GET /ops/ledger/check answers zero breaks. */
  void assertBooksBalance() {
    Books.assertBalanced(api(), OPERATOR_KEY);
  }

  String log(String run) throws IOException {
    return Files.readString(home.resolve(run + ".log"));
  }

  /** SIGKILL: no shutdown hook runs, the children are left behind as orphans. */
  static void kill(Process process) throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the app survived SIGKILL");
    }
  }

  Optional<Long> pid(String pidFile) {
    try {
      return Optional.of(Long.parseLong(Files.readAllLines(home.resolve(pidFile)).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  Optional<Long> temporalPid() {
    return pid("temporal.pid");
  }

  Optional<Long> postgresPid() {
    return pid("pg/postmaster.pid");
  }

  @Override
  public void close() {
    started.forEach(Process::destroyForcibly);
    // Children of a killed app are orphans; stop them by their pid files.
    temporalPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    postgresPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
  }
}
