package dev.avance.activities.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox of status changes that webhooks deliver; one row per emitting step. */
@Repository
public class DomainEventRepository {
  private final JdbcClient jdbc;

  public DomainEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Event as stored: what changed, on which entity, when. */
  public record DomainEvent(
      long id,
      String platformId,
      String entityType,
      String entityId,
      String eventType,
      Instant occurredAt) {}

  /** Inserts the event unless its key was written before; true if new. */
  public boolean append(
      String platformId,
      String entityType,
      String entityId,
      String eventType,
      String eventKey,
      Instant at) {
    return jdbc.sql(
                """
                insert into domain_events
                    (platform_id, entity_type, entity_id, event_type, event_key, occurred_at)
                values (:p, :type, :id, :event, :key, :at)
                on conflict (event_key) do nothing
                """)
            .param("p", platformId)
            .param("type", entityType)
            .param("id", entityId)
            .param("event", eventType)
            .param("key", eventKey)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  public List<DomainEvent> forEntity(String platformId, String entityId) {
    return jdbc.sql(
            """
            select id, platform_id, entity_type, entity_id, event_type, occurred_at
            from domain_events where platform_id = :p and entity_id = :id order by id
            """)
        .param("p", platformId)
        .param("id", entityId)
        .query(
            (rs, n) ->
                new DomainEvent(
                    rs.getLong("id"),
                    rs.getString("platform_id"),
                    rs.getString("entity_type"),
                    rs.getString("entity_id"),
                    rs.getString("event_type"),
                    rs.getTimestamp("occurred_at").toInstant()))
        .list();
  }
}
