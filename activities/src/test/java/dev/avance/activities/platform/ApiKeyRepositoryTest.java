package dev.avance.activities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.activities.MutableClock;
import dev.avance.activities.TestDatabase;
import dev.avance.activities.common.Keyset;
import dev.avance.activities.platform.ApiKeyRepository.ApiKey;
import dev.avance.activities.platform.ApiKeyRepository.IssuedKey;
import dev.avance.activities.platform.ApiKeyRepository.KeyLimitReachedException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
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

/** {@link ApiKeyRepository} on a real PostgreSQL: issue, the two-key bound, revoke, last use. */
class ApiKeyRepositoryTest {
  private static EmbeddedPostgres pg;
  private static DataSource dataSource;
  private static AnnotationConfigApplicationContext context;
  private static JdbcClient jdbc;
  private static PlatformRepository platforms;
  private static ApiKeyRepository keys;
  private static MutableClock clock;

  @BeforeAll
  static void start() throws Exception {
    pg = TestDatabase.startMigrated();
    dataSource = pg.getPostgresDatabase();
    context = PlatformTestContext.start(dataSource);
    jdbc = JdbcClient.create(dataSource);
    platforms = context.getBean(PlatformRepository.class);
    keys = context.getBean(ApiKeyRepository.class);
    clock = context.getBean(MutableClock.class);
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
    clock.set(Instant.parse("2026-03-02T09:00:00Z"));
    platforms.create("acme", "Acme");
    platforms.create("other", "Other");
  }

  private static Keyset firstPage(int size) {
    return new Keyset(true, null, null, size);
  }

  @Test
  void aKeyAuthenticatesItsRowWithTheRowsKind() {
    IssuedKey live = keys.issue("acme").orElseThrow();
    IssuedKey sandbox = keys.issue("acme_sandbox").orElseThrow();

    assertThat(live.secret()).matches("avk_live_[0-9A-Za-z]{32}");
    assertThat(sandbox.secret()).matches("avk_test_[0-9A-Za-z]{32}");
    assertThat(live.key().prefix()).isEqualTo(live.secret().substring(0, 13));
    assertThat(keys.authenticate(live.secret()))
        .contains(new Platform("acme", "Acme", Environment.LIVE, "acme"));
    assertThat(keys.authenticate(sandbox.secret()))
        .contains(new Platform("acme_sandbox", "Acme", Environment.SANDBOX, "acme"));
    assertThat(keys.authenticate(live.secret() + "x")).isEmpty();
    assertThat(keys.authenticate(ApiKeys.hash(live.secret()))).as("a hash is no key").isEmpty();
    assertThat(keys.issue("nobody")).isEmpty();
  }

  @Test
  void aRowHasAtMostTwoActiveKeys() {
    IssuedKey first = keys.issue("acme").orElseThrow();
    IssuedKey second = keys.issue("acme").orElseThrow();

    assertThatThrownBy(() -> keys.issue("acme")).isInstanceOf(KeyLimitReachedException.class);
    // The bound is per row: the sandbox and other platforms have their own.
    assertThat(keys.issue("acme_sandbox")).isPresent();
    assertThat(keys.issue("other")).isPresent();
    // Both keys work during a rotation; once the old one is revoked, a third can be issued.
    assertThat(keys.authenticate(first.secret())).isPresent();
    assertThat(keys.authenticate(second.secret())).isPresent();
    keys.revoke("acme", first.key().id());
    assertThat(keys.issue("acme")).isPresent();
    assertThatThrownBy(() -> keys.issue("acme")).isInstanceOf(KeyLimitReachedException.class);
  }

  @Test
  void concurrentIssuesStopAtTwo() throws Exception {
    int attempts = 12;
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<IssuedKey>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return keys.issue("acme").orElseThrow();
                }));
      }
      go.countDown();
      int issued = 0;
      int refused = 0;
      for (Future<IssuedKey> f : futures) {
        try {
          f.get();
          issued++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(KeyLimitReachedException.class);
          refused++;
        }
      }
      assertThat(issued).isEqualTo(2);
      assertThat(refused).isEqualTo(attempts - 2);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql("select count(*) from api_keys where platform_id = 'acme'")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aRevokedKeyNoLongerAuthenticatesAndRevokingAgainChangesNothing() {
    IssuedKey key = keys.issue("acme_sandbox").orElseThrow();
    Instant revokedAt = clock.instant();

    ApiKey revoked = keys.revoke("acme", key.key().id()).orElseThrow();
    clock.advance(Duration.ofHours(1));
    ApiKey again = keys.revoke("acme", key.key().id()).orElseThrow();

    assertThat(revoked.revokedAt()).isEqualTo(revokedAt);
    assertThat(again).isEqualTo(revoked);
    assertThat(keys.authenticate(key.secret())).isEmpty();
  }

  @Test
  void aKeyIsRevokedThroughItsOwnPlatformOnly() {
    IssuedKey key = keys.issue("acme").orElseThrow();

    assertThat(keys.revoke("other", key.key().id())).isEmpty();
    assertThat(keys.revoke("acme_sandbox", key.key().id()))
        .as("a twin's id does not name the platform")
        .isEmpty();
    assertThat(keys.find("other", key.key().id())).isEmpty();

    assertThat(keys.authenticate(key.secret())).isPresent();
  }

  @Test
  void lastUseIsRecordedAtMostOnceAMinute() {
    IssuedKey key = keys.issue("acme").orElseThrow();
    assertThat(keys.find("acme", key.key().id()).orElseThrow().lastUsedAt()).isNull();
    Instant first = clock.instant();

    keys.authenticate(key.secret());
    clock.advance(Duration.ofSeconds(59));
    keys.authenticate(key.secret());
    assertThat(keys.find("acme", key.key().id()).orElseThrow().lastUsedAt()).isEqualTo(first);

    clock.advance(Duration.ofSeconds(1));
    keys.authenticate(key.secret());
    assertThat(keys.find("acme", key.key().id()).orElseThrow().lastUsedAt())
        .isEqualTo(first.plusSeconds(60));
    // An unknown or revoked key is not "used".
    keys.revoke("acme", key.key().id());
    clock.advance(Duration.ofMinutes(5));
    keys.authenticate(key.secret());
    assertThat(keys.find("acme", key.key().id()).orElseThrow().lastUsedAt())
        .isEqualTo(first.plusSeconds(60));
  }

  @Test
  void aPlatformListsTheKeysOfItsTwoRowsOnlyPageByPage() {
    IssuedKey live = keys.issue("acme").orElseThrow();
    clock.advance(Duration.ofSeconds(1));
    IssuedKey sandbox = keys.issue("acme_sandbox").orElseThrow();
    clock.advance(Duration.ofSeconds(1));
    keys.issue("other").orElseThrow();
    keys.revoke("acme", live.key().id());

    List<ApiKey> all = keys.list("acme", firstPage(10));
    assertThat(all)
        .extracting(ApiKey::id, ApiKey::environment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(live.key().id(), Environment.LIVE),
            org.assertj.core.groups.Tuple.tuple(sandbox.key().id(), Environment.SANDBOX));
    assertThat(all.get(0).revokedAt()).isNotNull();
    assertThat(all.get(1).revokedAt()).isNull();

    List<ApiKey> page = keys.list("acme", firstPage(1));
    ApiKey last = page.get(0);
    assertThat(keys.list("acme", new Keyset(true, last.createdAt(), last.id(), 10)))
        .extracting(ApiKey::id)
        .containsExactly(sandbox.key().id());
    assertThat(keys.list("acme_sandbox", firstPage(10))).isEmpty();
  }

  @Test
  void aPinnedKeyIsTheRowsOnlyActiveKey() {
    IssuedKey issued = keys.issue("acme_sandbox").orElseThrow();
    String pinned = "avk_test_pinned_0123456789abcdef";

    keys.pin("acme_sandbox", pinned);
    keys.pin("acme_sandbox", pinned);

    assertThat(keys.authenticate(pinned)).map(Platform::id).contains("acme_sandbox");
    assertThat(keys.authenticate(issued.secret())).isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from api_keys where platform_id = 'acme_sandbox'"
                        + " and revoked_at is null")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // A key shows its kind, and belongs to one row.
    assertThatThrownBy(() -> keys.pin("acme", "avk_test_wrong_kind_0123456789"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> keys.pin("other_sandbox", pinned))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(keys.authenticate(pinned)).map(Platform::id).contains("acme_sandbox");
  }
}
