package dev.avance.activities.webhook;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.activities.common.SecretBox;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Webhook subscriptions, the outbox of domain events, and the deliveries log. */
@Repository
public class WebhookRepository {
  private final JdbcClient jdbc;
  private final SecretBox secrets;

  public WebhookRepository(JdbcClient jdbc, SecretBox secrets) {
    this.jdbc = jdbc;
    this.secrets = secrets;
  }

  /** A subscription; the secret is only ever returned by {@link #secret}. */
  public record Subscription(
      String id, String platformId, String toUrl, List<String> eventTypes, Instant createdAt) {

    /** Whether this subscription wants the event: exact types, {@code loan.*}, or {@code *}. */
    public boolean wants(String eventType) {
      for (String pattern : eventTypes) {
        if (pattern.equals("*")
            || pattern.equals(eventType)
            || pattern.endsWith(".*")
                && eventType.startsWith(pattern.substring(0, pattern.length() - 1))) {
          return true;
        }
      }
      return false;
    }
  }

  /** A delivery with its attempts. */
  public record Delivery(
      String id,
      String subscriptionId,
      long eventId,
      String eventType,
      String status,
      int attempts,
      Integer lastStatusCode,
      String lastError,
      Instant createdAt,
      Instant deliveredAt) {}

  /** An event of the outbox not yet turned into deliveries. */
  public record PendingEvent(
      long id,
      String platformId,
      String entityType,
      String entityId,
      String eventType,
      Instant occurredAt,
      int dispatchAttempts) {}

  public void create(
      String id,
      String platformId,
      String toUrl,
      List<String> eventTypes,
      String secret,
      Instant at) {
    jdbc.sql(
            """
            insert into webhook_subscriptions (id, platform_id, to_url, event_types, secret,
                created_at)
            values (:id, :p, :url, :types, :secret, :at)
            """)
        .param("id", id)
        .param("p", platformId)
        .param("url", toUrl)
        .param("types", eventTypes.toArray(String[]::new))
        .param("secret", secrets.seal(secret))
        .param("at", timestamp(at))
        .update();
  }

  public List<Subscription> active(String platformId) {
    return jdbc.sql(
            "select id, platform_id, to_url, event_types, created_at from webhook_subscriptions"
                + " where platform_id = :p and deleted_at is null order by created_at, id")
        .param("p", platformId)
        .query(WebhookRepository::subscription)
        .list();
  }

  public Optional<Subscription> find(String platformId, String id) {
    return jdbc.sql(
            "select id, platform_id, to_url, event_types, created_at from webhook_subscriptions"
                + " where platform_id = :p and id = :id and deleted_at is null")
        .param("p", platformId)
        .param("id", id)
        .query(WebhookRepository::subscription)
        .optional();
  }

  public boolean delete(String platformId, String id, Instant at) {
    return jdbc.sql(
                "update webhook_subscriptions set deleted_at = :at"
                    + " where platform_id = :p and id = :id and deleted_at is null")
            .param("at", timestamp(at))
            .param("p", platformId)
            .param("id", id)
            .update()
        == 1;
  }

  /** Where a live subscription delivers, with its secret; for one signed attempt. */
  public record Endpoint(String url, String secret, boolean sandbox) {}

  /** The URL and secret of a live subscription, for one signed attempt. */
  public Optional<Endpoint> endpoint(String subscriptionId) {
    return jdbc.sql(
            "select s.to_url, s.secret, p.environment from webhook_subscriptions s"
                + " left join platforms p on p.id = s.platform_id"
                + " where s.id = :id and s.deleted_at is null")
        .param("id", subscriptionId)
        .query(
            (rs, n) ->
                new Endpoint(
                    rs.getString("to_url"),
                    secrets.open(rs.getString("secret")),
                    "SANDBOX".equals(rs.getString("environment"))))
        .optional();
  }

  /**
   * Creates a subscription unless the platform has {@code max} active ones already; false then. The
   * platform row's lock makes the bound hold under concurrent creations.
   */
  @Transactional
  public boolean createWithin(
      int max,
      String id,
      String platformId,
      String toUrl,
      List<String> eventTypes,
      String secret,
      Instant at) {
    jdbc.sql("select id from platforms where id = :p for update")
        .param("p", platformId)
        .query(String.class)
        .optional();
    int active =
        jdbc.sql(
                "select count(*) from webhook_subscriptions"
                    + " where platform_id = :p and deleted_at is null")
            .param("p", platformId)
            .query(Integer.class)
            .single();
    if (active >= max) {
      return false;
    }
    create(id, platformId, toUrl, eventTypes, secret, at);
    return true;
  }

  /**
   * Encrypts the secrets stored in plaintext before encryption came in; run at every start, it
   * finds nothing the second time. Returns how many it sealed.
   */
  public int sealPlaintextSecrets() {
    List<String[]> plain =
        jdbc.sql("select id, secret from webhook_subscriptions where secret not like 'v1:%'")
            .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("secret")})
            .list();
    for (String[] row : plain) {
      jdbc.sql("update webhook_subscriptions set secret = :sealed where id = :id and secret = :old")
          .param("sealed", secrets.seal(row[1]))
          .param("id", row[0])
          .param("old", row[1])
          .update();
    }
    return plain.size();
  }

  /** The events to relay now: not dispatched, and not waiting out the backoff of a failure. */
  public List<PendingEvent> undispatched(Instant now, int limit) {
    return jdbc.sql(
            "select id, platform_id, entity_type, entity_id, event_type, occurred_at,"
                + " dispatch_attempts from domain_events where dispatched_at is null"
                + " and (dispatch_next_at is null or dispatch_next_at <= :now)"
                + " order by id limit :limit")
        .param("now", timestamp(now))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new PendingEvent(
                    rs.getLong("id"),
                    rs.getString("platform_id"),
                    rs.getString("entity_type"),
                    rs.getString("entity_id"),
                    rs.getString("event_type"),
                    instant(rs, "occurred_at"),
                    rs.getInt("dispatch_attempts")))
        .list();
  }

  public void markDispatched(long eventId, Instant at) {
    jdbc.sql("update domain_events set dispatched_at = :at where id = :id")
        .param("at", timestamp(at))
        .param("id", eventId)
        .update();
  }

  /**
   * Records that the event could not be relayed: its attempts so far, and when to try again. Past
   * its last attempt it is dead: dispatched (the relay leaves it) with its deliveries, if any were
   * made, {@code FAILED}. Returns the attempts made.
   */
  public int recordDispatchFailure(
      long eventId, String error, Instant nextAttemptAt, int maxAttempts, Instant at) {
    int attempts =
        jdbc.sql(
                """
                update domain_events set dispatch_attempts = dispatch_attempts + 1,
                    dispatch_error = :error, dispatch_next_at = :next
                where id = :id returning dispatch_attempts
                """)
            .param("error", error)
            .param("next", timestamp(nextAttemptAt))
            .param("id", eventId)
            .query(Integer.class)
            .single();
    if (attempts >= maxAttempts) {
      jdbc.sql(
              "update domain_events set dispatched_at = :at, dispatch_dead_at = :at"
                  + " where id = :id and dispatched_at is null")
          .param("at", timestamp(at))
          .param("id", eventId)
          .update();
      jdbc.sql(
              "update webhook_deliveries set status = 'FAILED', last_error = :error,"
                  + " updated_at = :at where event_id = :id and status = 'PENDING'")
          .param("error", "not relayed: " + error)
          .param("at", timestamp(at))
          .param("id", eventId)
          .update();
    }
    return attempts;
  }

  /** Records a delivery unless it exists; the id is the business key. */
  public void createDelivery(String id, Subscription subscription, PendingEvent event, Instant at) {
    jdbc.sql(
            """
            insert into webhook_deliveries (id, subscription_id, platform_id, event_id,
                event_type, status, created_at, updated_at)
            values (:id, :s, :p, :e, :type, 'PENDING', :at, :at)
            on conflict do nothing
            """)
        .param("id", id)
        .param("s", subscription.id())
        .param("p", subscription.platformId())
        .param("e", event.id())
        .param("type", event.eventType())
        .param("at", timestamp(at))
        .update();
  }

  public void recordAttempt(
      String deliveryId, boolean delivered, Integer statusCode, String error, Instant at) {
    jdbc.sql(
            """
            update webhook_deliveries set attempts = attempts + 1,
                status = case when status = 'DELIVERED' then status
                              when :delivered then 'DELIVERED' else 'RETRYING' end,
                last_status_code = :code, last_error = :error, updated_at = :at,
                delivered_at = case when :delivered then coalesce(delivered_at, :at)
                                    else delivered_at end
            where id = :id
            """)
        .param("delivered", delivered)
        .param("code", statusCode)
        .param("error", error)
        .param("at", timestamp(at))
        .param("id", deliveryId)
        .update();
  }

  public void markFailed(String deliveryId, String reason, Instant at) {
    jdbc.sql(
            "update webhook_deliveries set status = 'FAILED', last_error = :reason,"
                + " updated_at = :at where id = :id and status <> 'DELIVERED'")
        .param("reason", reason)
        .param("at", timestamp(at))
        .param("id", deliveryId)
        .update();
  }

  public List<Delivery> deliveries(String platformId, String subscriptionId, int limit) {
    return jdbc.sql(
            """
            select id, subscription_id, event_id, event_type, status, attempts,
                last_status_code, last_error, created_at, delivered_at
            from webhook_deliveries where platform_id = :p and subscription_id = :s
            order by created_at desc, id desc limit :limit
            """)
        .param("p", platformId)
        .param("s", subscriptionId)
        .param("limit", limit)
        .query(
            (rs, n) -> {
              int code = rs.getInt("last_status_code");
              Integer lastCode = rs.wasNull() ? null : code;
              return new Delivery(
                  rs.getString("id"),
                  rs.getString("subscription_id"),
                  rs.getLong("event_id"),
                  rs.getString("event_type"),
                  rs.getString("status"),
                  rs.getInt("attempts"),
                  lastCode,
                  rs.getString("last_error"),
                  instant(rs, "created_at"),
                  instant(rs, "delivered_at"));
            })
        .list();
  }

  private static Subscription subscription(ResultSet rs, int n) throws SQLException {
    Array types = rs.getArray("event_types");
    return new Subscription(
        rs.getString("id"),
        rs.getString("platform_id"),
        rs.getString("to_url"),
        Arrays.asList((String[]) types.getArray()),
        instant(rs, "created_at"));
  }
}
