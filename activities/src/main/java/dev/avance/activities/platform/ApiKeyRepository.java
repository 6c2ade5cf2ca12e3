package dev.avance.activities.platform;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.activities.common.Keyset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API keys of the platform rows, stored as SHA-256 hashes only. A row has at most {@link
 * #MAX_ACTIVE} active keys, so that a platform moves to a new key before it revokes the old one.
 */
@Repository
public class ApiKeyRepository {
  /** The key in use and the one replacing it. */
  public static final int MAX_ACTIVE = 2;

  /**
   * How fresh {@code last_used_at} is. Writing it on every request would turn every authentication
   * into a write; once a minute per key costs nothing and answers "is this key still in use?" as
   * well.
   */
  static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  /** The rows of a platform, named by its live id: the LIVE row and its SANDBOX twin. */
  private static final String ROWS_OF_PLATFORM =
      "select id from platforms where (id = :live and environment = 'LIVE')"
          + " or live_platform_id = :live";

  private static final String KEY_COLUMNS =
      "select k.id, k.platform_id, p.environment, k.prefix, k.created_at, k.last_used_at,"
          + " k.revoked_at from api_keys k join platforms p on p.id = k.platform_id";

  private final JdbcClient jdbc;
  private final Clock clock;

  public ApiKeyRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A key as operators see it: never the key, never its hash. */
  public record ApiKey(
      String id,
      String platformId,
      Environment environment,
      String prefix,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {}

  /** A key just issued, with its value: the only moment it is known. */
  public record IssuedKey(ApiKey key, String secret) {}

  /** The row has {@link #MAX_ACTIVE} active keys already: one must be revoked first. */
  public static final class KeyLimitReachedException extends RuntimeException {
    KeyLimitReachedException(String platformId) {
      super("Platform " + platformId + " has " + MAX_ACTIVE + " active keys already");
    }
  }

  /** The platform row an active key belongs to; records its use at most once a minute. */
  public Optional<Platform> authenticate(String apiKey) {
    record Found(String keyId, Instant lastUsedAt, Platform platform) {}
    Optional<Found> found =
        jdbc.sql(
                """
                select k.id as key_id, k.last_used_at, p.id, p.name, p.environment,
                    coalesce(p.live_platform_id, p.id) as live_platform_id
                from api_keys k join platforms p on p.id = k.platform_id
                where k.key_hash = :hash and k.revoked_at is null
                """)
            .param("hash", ApiKeys.hash(apiKey))
            .query(
                (rs, n) ->
                    new Found(
                        rs.getString("key_id"),
                        instant(rs, "last_used_at"),
                        new Platform(
                            rs.getString("id"),
                            rs.getString("name"),
                            Environment.valueOf(rs.getString("environment")),
                            rs.getString("live_platform_id"))))
            .optional();
    found.ifPresent(f -> touch(f.keyId(), f.lastUsedAt()));
    return found.map(Found::platform);
  }

  private void touch(String keyId, Instant lastUsedAt) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(LAST_USED_PRECISION);
    if (lastUsedAt != null && lastUsedAt.isAfter(cutoff)) {
      return;
    }
    // Conditional, so that nodes authenticating the same key at once write it once.
    jdbc.sql(
            """
            update api_keys set last_used_at = :now
            where id = :id and (last_used_at is null or last_used_at <= :cutoff)
            """)
        .param("now", timestamp(now))
        .param("cutoff", timestamp(cutoff))
        .param("id", keyId)
        .update();
  }

  /**
   * A new key of the row's environment; empty when the row does not exist.
   *
   * @throws KeyLimitReachedException when the row has {@link #MAX_ACTIVE} active keys
   */
  @Transactional
  public Optional<IssuedKey> issue(String platformId) {
    Optional<Environment> environment = lock(platformId);
    if (environment.isEmpty()) {
      return Optional.empty();
    }
    if (activeCount(platformId) >= MAX_ACTIVE) {
      throw new KeyLimitReachedException(platformId);
    }
    String secret = ApiKeys.generate(environment.get());
    return Optional.of(new IssuedKey(insert(platformId, environment.get(), secret), secret));
  }

  /**
   * Makes {@code apiKey} the row's one active key, revoking the others: the demo platform's and the
   * tests' fixed keys. The key must carry its environment's prefix.
   */
  @Transactional
  public ApiKey pin(String platformId, String apiKey) {
    Environment environment =
        lock(platformId)
            .orElseThrow(() -> new IllegalArgumentException("no platform row " + platformId));
    if (!apiKey.startsWith(environment.keyPrefix())) {
      throw new IllegalArgumentException(
          "a " + environment + " key starts with " + environment.keyPrefix());
    }
    String hash = ApiKeys.hash(apiKey);
    Optional<String> owner =
        jdbc.sql("select platform_id from api_keys where key_hash = :hash")
            .param("hash", hash)
            .query(String.class)
            .optional();
    if (owner.isPresent() && !owner.get().equals(platformId)) {
      throw new IllegalArgumentException("the key belongs to another platform row");
    }
    Instant now = clock.instant();
    if (owner.isEmpty()) {
      insert(platformId, environment, apiKey);
    } else {
      jdbc.sql("update api_keys set revoked_at = null where key_hash = :hash")
          .param("hash", hash)
          .update();
    }
    jdbc.sql(
            """
            update api_keys set revoked_at = :now
            where platform_id = :p and revoked_at is null and key_hash <> :hash
            """)
        .param("now", timestamp(now))
        .param("p", platformId)
        .param("hash", hash)
        .update();
    return jdbc.sql(KEY_COLUMNS + " where k.key_hash = :hash")
        .param("hash", hash)
        .query(ApiKeyRepository::map)
        .single();
  }

  /** The keys of both rows of the platform {@code livePlatformId}, active and revoked. */
  public List<ApiKey> list(String livePlatformId, Keyset page) {
    StringBuilder sql =
        new StringBuilder("select * from (")
            .append(KEY_COLUMNS)
            .append(" where k.platform_id in (")
            .append(ROWS_OF_PLATFORM)
            .append(")) keys where true");
    page.appendTo(sql);
    return page.bind(jdbc.sql(sql.toString()).param("live", livePlatformId))
        .query(ApiKeyRepository::map)
        .list();
  }

  /** One key of the platform {@code livePlatformId}, in either of its rows. */
  public Optional<ApiKey> find(String livePlatformId, String keyId) {
    return jdbc.sql(
            KEY_COLUMNS + " where k.id = :id and k.platform_id in (" + ROWS_OF_PLATFORM + ")")
        .param("id", keyId)
        .param("live", livePlatformId)
        .query(ApiKeyRepository::map)
        .optional();
  }

  /**
   * Revokes a key of the platform at once (its next request is refused); a key already revoked
   * keeps the time it was first revoked. Empty when the platform has no such key.
   */
  public Optional<ApiKey> revoke(String livePlatformId, String keyId) {
    jdbc.sql(
            "update api_keys set revoked_at = :now where id = :id and revoked_at is null"
                + " and platform_id in ("
                + ROWS_OF_PLATFORM
                + ")")
        .param("now", timestamp(clock.instant()))
        .param("id", keyId)
        .param("live", livePlatformId)
        .update();
    return find(livePlatformId, keyId);
  }

  /** Locks the row against a concurrent issue; its environment, empty when it does not exist. */
  private Optional<Environment> lock(String platformId) {
    return jdbc.sql("select environment from platforms where id = :id for update")
        .param("id", platformId)
        .query((rs, n) -> Environment.valueOf(rs.getString("environment")))
        .optional();
  }

  private int activeCount(String platformId) {
    return jdbc.sql("select count(*) from api_keys where platform_id = :p and revoked_at is null")
        .param("p", platformId)
        .query(Integer.class)
        .single();
  }

  private ApiKey insert(String platformId, Environment environment, String secret) {
    ApiKey key =
        new ApiKey(
            UUID.randomUUID().toString(),
            platformId,
            environment,
            ApiKeys.displayPrefix(secret),
            // As PostgreSQL keeps it, so that the answer and a later read say the same.
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            null,
            null);
    jdbc.sql(
            """
            insert into api_keys (id, platform_id, prefix, key_hash, created_at)
            values (:id, :p, :prefix, :hash, :at)
            """)
        .param("id", key.id())
        .param("p", platformId)
        .param("prefix", key.prefix())
        .param("hash", ApiKeys.hash(secret))
        .param("at", timestamp(key.createdAt()))
        .update();
    return key;
  }

  private static ApiKey map(ResultSet rs, int n) throws SQLException {
    return new ApiKey(
        rs.getString("id"),
        rs.getString("platform_id"),
        Environment.valueOf(rs.getString("environment")),
        rs.getString("prefix"),
        instant(rs, "created_at"),
        instant(rs, "last_used_at"),
        instant(rs, "revoked_at"));
  }
}
