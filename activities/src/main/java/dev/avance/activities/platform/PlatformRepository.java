package dev.avance.activities.platform;

import static dev.avance.activities.common.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platforms, each one LIVE row and its SANDBOX twin {@code <id>_sandbox}. A platform is named
 * by its live id; the twin's id has an underscore, outside the alphabet of the ids operators
 * choose, so that it can never be taken by another platform.
 */
@Repository
public class PlatformRepository {
  private static final String SANDBOX_SUFFIX = "_sandbox";

  private final JdbcClient jdbc;
  private final ApiKeyRepository keys;

  public PlatformRepository(JdbcClient jdbc, ApiKeyRepository keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  /** The id a new platform's sandbox twin gets. */
  public static String sandboxIdOf(String livePlatformId) {
    return livePlatformId + SANDBOX_SUFFIX;
  }

  /** A platform row, LIVE or SANDBOX. */
  public Optional<Platform> findById(String id) {
    return jdbc.sql(
            """
            select id, name, environment, coalesce(live_platform_id, id) as live_platform_id
            from platforms where id = :id
            """)
        .param("id", id)
        .query(
            (rs, n) ->
                new Platform(
                    rs.getString("id"),
                    rs.getString("name"),
                    Environment.valueOf(rs.getString("environment")),
                    rs.getString("live_platform_id")))
        .optional();
  }

  /**
   * A platform as operators set it up: its LIVE row, who pays its loans' interest (AUTO, PLATFORM
   * or BORROWER, the same in its sandbox) and its sandbox twin.
   */
  public record PlatformSettings(
      String id, String name, String feesPayer, Instant createdAt, String sandboxId) {}

  /** The platform whose LIVE row is {@code id}; empty for a sandbox row's id. */
  public Optional<PlatformSettings> settings(String id) {
    return jdbc.sql(
            """
            select p.id, p.name, p.fees_payer, p.created_at, t.id as sandbox_id
            from platforms p left join platforms t on t.live_platform_id = p.id
            where p.id = :id and p.environment = 'LIVE'
            """)
        .param("id", id)
        .query(PlatformRepository::settings)
        .optional();
  }

  /**
   * Who pays the interest from the next billing run on, in the platform's two environments; true if
   * the platform exists.
   */
  public boolean setFeesPayer(String id, String feesPayer) {
    return jdbc.sql(
                """
                update platforms set fees_payer = :payer
                where (id = :id and environment = 'LIVE') or live_platform_id = :id
                """)
            .param("payer", feesPayer)
            .param("id", id)
            .update()
        > 0;
  }

  /**
   * Creates the platform: its LIVE row and its SANDBOX twin, without keys. False, and nothing
   * changed, when a row already has the id.
   */
  @Transactional
  public boolean create(String id, String name) {
    int inserted =
        jdbc.sql("insert into platforms (id, name) values (:id, :name) on conflict (id) do nothing")
            .param("id", id)
            .param("name", name)
            .update();
    if (inserted == 0) {
      return false;
    }
    ensureTwin(id, name);
    return true;
  }

  /**
   * Creates the platform or renames it, and gives the row of {@code environment} this key as its
   * only active key (the others stop working): the demo platform and the tests. Returns that row.
   */
  @Transactional
  public Platform upsert(String id, String name, Environment environment, String apiKey) {
    int live =
        jdbc.sql(
                """
                insert into platforms (id, name) values (:id, :name)
                on conflict (id) do update set name = excluded.name
                where platforms.environment = 'LIVE'
                """)
            .param("id", id)
            .param("name", name)
            .update();
    if (live == 0) {
      throw new IllegalArgumentException(id + " is a sandbox row, not a platform's live id");
    }
    String sandboxId = ensureTwin(id, name);
    String row = environment == Environment.LIVE ? id : sandboxId;
    keys.pin(row, apiKey);
    return findById(row).orElseThrow();
  }

  /** The live platform's twin, created when missing, renamed otherwise; its id. */
  private String ensureTwin(String liveId, String name) {
    Optional<String> existing =
        jdbc.sql("select id from platforms where live_platform_id = :id")
            .param("id", liveId)
            .query(String.class)
            .optional();
    if (existing.isPresent()) {
      jdbc.sql("update platforms set name = :name where id = :id")
          .param("name", name)
          .param("id", existing.get())
          .update();
      return existing.get();
    }
    String sandboxId = sandboxIdOf(liveId);
    // Bills like its live platform, so that a platform tries the billing it will get.
    int inserted =
        jdbc.sql(
                """
                insert into platforms (id, name, environment, live_platform_id, fees_payer)
                select :sid, :name, 'SANDBOX', id, fees_payer from platforms where id = :id
                on conflict (id) do nothing
                """)
            .param("sid", sandboxId)
            .param("name", name)
            .param("id", liveId)
            .update();
    if (inserted == 0) {
      throw new IllegalStateException("the id " + sandboxId + " is taken by another row");
    }
    return sandboxId;
  }

  private static PlatformSettings settings(ResultSet rs, int n) throws SQLException {
    return new PlatformSettings(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("fees_payer"),
        instant(rs, "created_at"),
        rs.getString("sandbox_id"));
  }
}
