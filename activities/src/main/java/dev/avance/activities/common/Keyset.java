package dev.avance.activities.common;

import static dev.avance.activities.common.SqlTimes.timestamp;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keyset pagination over (created_at, id), the one order of every list: the cursor names the last
 * row of the previous page, so a page costs the same however deep it is.
 */
public record Keyset(boolean ascending, Instant afterCreatedAt, String afterId, int limit) {

  /** Appends the cursor condition, the order and the limit to a query already filtered. */
  public void appendTo(StringBuilder sql) {
    String dir = ascending ? "asc" : "desc";
    if (afterCreatedAt != null) {
      sql.append(" and (created_at, id) ")
          .append(ascending ? ">" : "<")
          .append(" (:afterCreatedAt, :afterId)");
    }
    sql.append(" order by created_at ")
        .append(dir)
        .append(", id ")
        .append(dir)
        .append(" limit :limit");
  }

  public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
    JdbcClient.StatementSpec bound = spec.param("limit", limit);
    return afterCreatedAt == null
        ? bound
        : bound.param("afterCreatedAt", timestamp(afterCreatedAt)).param("afterId", afterId);
  }
}
