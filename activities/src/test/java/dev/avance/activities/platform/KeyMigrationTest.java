package dev.avance.activities.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration to per-row keys on a database as the version before left it: the platforms' keys
 * keep working, every platform gets its sandbox twin, and no key hash stays in platforms.
 */
class KeyMigrationTest {

  @Test
  void anOldKeyKeepsWorkingAndItsPlatformGetsATwin() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
      Flyway.configure()
          .dataSource(pg.getPostgresDatabase())
          .locations("classpath:db/migration")
          .target("11")
          .load()
          .migrate();
      JdbcClient jdbc = JdbcClient.create(pg.getPostgresDatabase());
      String oldKey = "avk_demo_0123456789abcdefghijklmnopqrstuv";
      jdbc.sql(
              "insert into platforms (id, name, api_key_hash, fees_payer)"
                  + " values ('legacy', 'Legacy', :hash, 'PLATFORM')")
          .param("hash", ApiKeys.hash(oldKey))
          .update();
      jdbc.sql(
              "insert into registry_overrides (country, identifier, scenario, created_at)"
                  + " values ('FRA', '552100554', 'INSOLVENT', now())")
          .update();

      Flyway.configure()
          .dataSource(pg.getPostgresDatabase())
          .locations("classpath:db/migration")
          .load()
          .migrate();

      ApiKeyRepository keys = new ApiKeyRepository(jdbc, Clock.systemUTC());
      assertThat(keys.authenticate(oldKey))
          .contains(new Platform("legacy", "Legacy", Environment.LIVE, "legacy"));
      PlatformRepository platforms = new PlatformRepository(jdbc, keys);
      assertThat(platforms.findById("legacy_sandbox"))
          .contains(new Platform("legacy_sandbox", "Legacy", Environment.SANDBOX, "legacy"));
      assertThat(platforms.settings("legacy").orElseThrow().sandboxId())
          .isEqualTo("legacy_sandbox");
      assertThat(
              jdbc.sql("select fees_payer from platforms where id = 'legacy_sandbox'")
                  .query(String.class)
                  .single())
          .isEqualTo("PLATFORM");
      assertThat(keys.list("legacy", new dev.avance.activities.common.Keyset(true, null, null, 10)))
          .singleElement()
          .satisfies(
              k -> {
                assertThat(k.prefix()).as("only the hash was ever kept").isNull();
                assertThat(k.revokedAt()).isNull();
              });
      assertThat(
              jdbc.sql(
                      "select count(*) from information_schema.columns"
                          + " where table_name = 'platforms' and column_name = 'api_key_hash'")
                  .query(Long.class)
                  .single())
          .isZero();
      assertThat(jdbc.sql("select count(*) from registry_overrides").query(Long.class).single())
          .as("overrides that belonged to no one")
          .isZero();
    }
  }
}
