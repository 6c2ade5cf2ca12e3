package dev.avance.activities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.activities.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link PlatformRepository} on a real PostgreSQL: a platform is a LIVE row and its twin. */
class PlatformRepositoryTest {
  private static EmbeddedPostgres pg;
  private static DataSource dataSource;
  private static AnnotationConfigApplicationContext context;
  private static JdbcClient jdbc;
  private static PlatformRepository platforms;
  private static ApiKeyRepository keys;

  @BeforeAll
  static void start() throws Exception {
    pg = TestDatabase.startMigrated();
    dataSource = pg.getPostgresDatabase();
    context = PlatformTestContext.start(dataSource);
    jdbc = JdbcClient.create(dataSource);
    platforms = context.getBean(PlatformRepository.class);
    keys = context.getBean(ApiKeyRepository.class);
  }

  @AfterAll
  static void stop() throws Exception {
    if (context != null) {
      context.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void cleanSlate() {
    TestDatabase.reset(dataSource);
  }

  private static long rows() {
    return jdbc.sql("select count(*) from platforms").query(Long.class).single();
  }

  @Test
  void createMakesTheLiveRowAndItsSandboxTwin() {
    assertThat(platforms.create("acme", "Acme")).isTrue();

    assertThat(platforms.findById("acme"))
        .contains(new Platform("acme", "Acme", Environment.LIVE, "acme"));
    assertThat(platforms.findById("acme_sandbox"))
        .contains(new Platform("acme_sandbox", "Acme", Environment.SANDBOX, "acme"));
    var settings = platforms.settings("acme").orElseThrow();
    assertThat(settings.sandboxId()).isEqualTo("acme_sandbox");
    assertThat(settings.feesPayer()).isEqualTo("AUTO");
    assertThat(settings.createdAt()).isNotNull();
    assertThat(platforms.settings("acme_sandbox")).as("a twin is not a platform").isEmpty();
    assertThat(jdbc.sql("select count(*) from api_keys").query(Long.class).single())
        .as("keys are issued apart")
        .isZero();
  }

  @Test
  void creatingATakenIdChangesNothing() {
    platforms.create("acme", "Acme");

    assertThat(platforms.create("acme", "Another name")).isFalse();
    assertThat(platforms.create("acme_sandbox", "A twin's id")).isFalse();

    assertThat(rows()).isEqualTo(2);
    assertThat(platforms.findById("acme").orElseThrow().name()).isEqualTo("Acme");
  }

  @Test
  void upsertIsIdempotentAndKeepsOneTwin() {
    String key = ApiKeys.generate(Environment.SANDBOX);
    Platform first = platforms.upsert("acme", "Acme", Environment.SANDBOX, key);
    Platform again = platforms.upsert("acme", "Acme (renamed)", Environment.SANDBOX, key);

    assertThat(first).isEqualTo(new Platform("acme_sandbox", "Acme", Environment.SANDBOX, "acme"));
    assertThat(again.name()).isEqualTo("Acme (renamed)");
    assertThat(platforms.findById("acme").orElseThrow().name()).isEqualTo("Acme (renamed)");
    assertThat(rows()).isEqualTo(2);
    assertThat(keys.authenticate(key)).contains(again);
    assertThatThrownBy(() -> platforms.upsert("acme_sandbox", "x", Environment.LIVE, "avk_live_x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(rows()).isEqualTo(2);
  }

  @Test
  void concurrentCreationsOfOnePlatformMakeOneTwin() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> created = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        created.add(pool.submit(() -> platforms.create("race", "Race")));
      }
      int winners = 0;
      for (Future<Boolean> f : created) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(rows()).isEqualTo(2);
    assertThat(platforms.settings("race").orElseThrow().sandboxId()).isEqualTo("race_sandbox");
  }

  @Test
  void feesPayerIsTheSameInBothEnvironments() {
    platforms.create("acme", "Acme");

    assertThat(platforms.setFeesPayer("acme", "PLATFORM")).isTrue();

    assertThat(
            jdbc.sql("select fees_payer from platforms where id in ('acme', 'acme_sandbox')")
                .query(String.class)
                .list())
        .containsExactly("PLATFORM", "PLATFORM");
    assertThat(platforms.setFeesPayer("acme_sandbox", "BORROWER"))
        .as("a twin is changed through its platform")
        .isFalse();
    assertThat(platforms.setFeesPayer("nobody", "BORROWER")).isFalse();
    assertThat(platforms.settings("acme").orElseThrow().feesPayer()).isEqualTo("PLATFORM");
  }

  @Test
  void storesOnlyTheSha256OfTheKey() throws Exception {
    String key = ApiKeys.generate(Environment.LIVE);

    platforms.upsert("plat-a", "Platform A", Environment.LIVE, key);

    // Every column of every row, as text: the key must be nowhere.
    List<String> stored =
        jdbc.sql("select p::text from platforms p union all select k::text from api_keys k")
            .query(String.class)
            .list();
    assertThat(stored).hasSize(3);
    assertThat(stored).noneMatch(row -> row.contains(key.substring(13)));
    String storedHash = jdbc.sql("select key_hash from api_keys").query(String.class).single();
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    assertThat(storedHash).isEqualTo(expected).hasSize(64);
    assertThat(jdbc.sql("select prefix from api_keys").query(String.class).single())
        .isEqualTo(key.substring(0, 13));
  }

  @Test
  void generatedKeysAreDistinctAndCarryTheirKind() {
    String a = ApiKeys.generate(Environment.LIVE);
    String b = ApiKeys.generate(Environment.LIVE);
    String test = ApiKeys.generate(Environment.SANDBOX);

    assertThat(a).hasSize(9 + 32).matches("avk_live_[0-9A-Za-z]{32}");
    assertThat(test).matches("avk_test_[0-9A-Za-z]{32}");
    assertThat(a).isNotEqualTo(b);
    assertThat(ApiKeys.displayPrefix(a)).isEqualTo(a.substring(0, 13));
  }
}
