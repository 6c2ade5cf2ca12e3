package dev.avance.activities;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL for one test class (started in a static {@code @BeforeAll}, closed in
 * {@code @AfterAll}), with the application's own Flyway migrations applied.
 */
public final class TestDatabase {
  private TestDatabase() {}

  /** Starts a fresh embedded PostgreSQL and migrates it from {@code classpath:db/migration}. */
  public static EmbeddedPostgres startMigrated() throws IOException {
    EmbeddedPostgres pg = EmbeddedPostgres.start();
    Flyway.configure()
        .dataSource(pg.getPostgresDatabase())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return pg;
  }

  /** Empties every application table, for a clean slate before each test. */
  public static void reset(DataSource dataSource) {
    JdbcClient.create(dataSource)
        .sql(
            "truncate table ledger_lines, ledger_entries, ledger_accounts, borrowers, platforms, audit_log cascade")
        .update();
  }
}
