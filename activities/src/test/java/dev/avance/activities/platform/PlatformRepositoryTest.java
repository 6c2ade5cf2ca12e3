package dev.avance.activities.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link PlatformRepository} on a real PostgreSQL, without Spring. */
class PlatformRepositoryTest {
  private static EmbeddedPostgres pg;
  private static DataSource dataSource;
  private static JdbcClient jdbc;
  private static PlatformRepository platforms;

  @BeforeAll
  static void start() throws Exception {
    pg = TestDatabase.startMigrated();
    dataSource = pg.getPostgresDatabase();
    jdbc = JdbcClient.create(dataSource);
    platforms = new PlatformRepository(jdbc);
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void cleanSlate() {
    TestDatabase.reset(dataSource);
  }

  @Test
  void storesOnlyTheSha256OfTheKey() throws Exception {
    String key = ApiKeys.generate("avk_test_");

    platforms.upsert("plat-a", "Platform A", key);

    // Every column of every row, as text: the key must be nowhere.
    List<String> rows = jdbc.sql("select p::text from platforms p").query(String.class).list();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).doesNotContain(key).doesNotContain(key.substring(9));
    String storedHash =
        jdbc.sql("select api_key_hash from platforms where id = 'plat-a'")
            .query(String.class)
            .single();
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    assertThat(storedHash).isEqualTo(expected).hasSize(64);
  }

  @Test
  void findsThePlatformByItsKeyOnly() {
    String key = ApiKeys.generate("avk_test_");
    platforms.upsert("plat-a", "Platform A", key);
    platforms.upsert("plat-b", "Platform B", ApiKeys.generate("avk_test_"));

    assertThat(platforms.findByApiKey(key)).contains(new Platform("plat-a", "Platform A"));
    assertThat(platforms.findByApiKey(key + "x")).isEmpty();
    assertThat(platforms.findByApiKey(key.toUpperCase())).isEmpty();
    assertThat(platforms.findByApiKey("")).isEmpty();
    assertThat(platforms.findByApiKey(ApiKeys.hash(key))).as("the hash is not a key").isEmpty();
  }

  @Test
  void aNewKeyReplacesTheOldOne() {
    String oldKey = ApiKeys.generate("avk_test_");
    String newKey = ApiKeys.generate("avk_test_");
    platforms.upsert("plat-a", "Platform A", oldKey);

    platforms.upsert("plat-a", "Platform A (renamed)", newKey);

    assertThat(platforms.findByApiKey(oldKey)).isEmpty();
    assertThat(platforms.findByApiKey(newKey))
        .contains(new Platform("plat-a", "Platform A (renamed)"));
    assertThat(jdbc.sql("select count(*) from platforms").query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void generatedKeysAreDistinctAndCarryThePrefix() {
    String a = ApiKeys.generate("avk_live_");
    String b = ApiKeys.generate("avk_live_");

    assertThat(a).startsWith("avk_live_").hasSize(9 + 32).matches("avk_live_[0-9A-Za-z]{32}");
    assertThat(a).isNotEqualTo(b);
  }
}
