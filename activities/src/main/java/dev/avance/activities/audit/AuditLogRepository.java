package dev.avance.activities.audit;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.activities.common.Keyset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What operators did, written in the transaction of the action where there is one, so that an
 * action and its record commit together. Rows are only ever inserted.
 */
@Repository
public class AuditLogRepository {
  private final JdbcClient jdbc;
  private final Clock clock;

  public AuditLogRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * One operator action: {@code actor} the operator key's fingerprint, {@code action} such as
   * {@code key.issue}, {@code platformId} the platform concerned (null when none), {@code target}
   * what was acted on, {@code detailsJson} a JSON object without secrets (or null).
   */
  public record AuditEntry(
      String id,
      Instant createdAt,
      String actor,
      String action,
      String platformId,
      String target,
      String detailsJson) {}

  public AuditEntry record(
      String actor, String action, String platformId, String target, String detailsJson) {
    AuditEntry entry =
        new AuditEntry(
            UUID.randomUUID().toString(),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            actor,
            action,
            platformId,
            target,
            detailsJson);
    jdbc.sql(
            """
            insert into audit_log (id, created_at, actor, action, platform_id, target, details)
            values (:id, :at, :actor, :action, :p, :target, cast(:details as jsonb))
            """)
        .param("id", entry.id())
        .param("at", timestamp(entry.createdAt()))
        .param("actor", actor)
        .param("action", action)
        .param("p", platformId)
        .param("target", target)
        .param("details", detailsJson)
        .update();
    return entry;
  }

  /** The entries, newest first unless the page says otherwise; of one platform when not null. */
  public List<AuditEntry> find(String platformIdOrNull, Keyset page) {
    StringBuilder sql =
        new StringBuilder(
            "select id, created_at, actor, action, platform_id, target, details::text as details"
                + " from audit_log where true");
    if (platformIdOrNull != null) {
      sql.append(" and platform_id = :p");
    }
    page.appendTo(sql);
    JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
    if (platformIdOrNull != null) {
      spec = spec.param("p", platformIdOrNull);
    }
    return page.bind(spec).query(AuditLogRepository::map).list();
  }

  private static AuditEntry map(ResultSet rs, int n) throws SQLException {
    return new AuditEntry(
        rs.getString("id"),
        instant(rs, "created_at"),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("platform_id"),
        rs.getString("target"),
        rs.getString("details"));
  }
}
