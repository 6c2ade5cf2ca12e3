package dev.avance.activities.idempotency;

import static dev.avance.activities.common.SqlTimes.timestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored answers of idempotent POSTs. Each method is its own short transaction, committed
 * before the request runs or after it answered: the request's own work (a workflow start, a
 * payment) must never wait on or roll back with this bookkeeping.
 */
@Repository
public class IdempotencyRepository {

  /** What a claim found. */
  public enum Outcome {
    /** The caller owns the key now and runs the request. */
    CLAIMED,
    /** The key answered before: replay {@link Claim#answer()}. */
    COMPLETED,
    /** Another request with this key is still running. */
    IN_PROGRESS,
    /** The key was used for another request. */
    REUSED
  }

  public record StoredAnswer(int status, String contentType, String location, byte[] body) {}

  public record Claim(Outcome outcome, StoredAnswer answer) {
    static Claim of(Outcome outcome) {
      return new Claim(outcome, null);
    }
  }

  private final JdbcClient jdbc;

  public IdempotencyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims {@code key} for a request whose hash is {@code requestHash}. A row older than {@code
   * timeToLive} is claimed afresh; a row still in progress after {@code takeOverAfter} is taken
   * over, since the node that ran it is gone (no request runs that long).
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Claim claim(
      String scope,
      String key,
      String requestHash,
      Instant now,
      Duration timeToLive,
      Duration takeOverAfter) {
    int inserted =
        jdbc.sql(
                """
                insert into idempotency_keys
                  (scope, idem_key, request_hash, state, created_at, locked_at)
                values (:scope, :key, :hash, 'IN_PROGRESS', :now, :now)
                on conflict (scope, idem_key) do nothing
                """)
            .param("scope", scope)
            .param("key", key)
            .param("hash", requestHash)
            .param("now", timestamp(now))
            .update();
    if (inserted == 1) {
      return Claim.of(Outcome.CLAIMED);
    }
    int renewed =
        jdbc.sql(
                """
                update idempotency_keys
                   set request_hash = :hash, state = 'IN_PROGRESS', created_at = :now,
                       locked_at = :now, status = null, content_type = null, location = null,
                       body = null
                 where scope = :scope and idem_key = :key and created_at < :expired
                """)
            .param("scope", scope)
            .param("key", key)
            .param("hash", requestHash)
            .param("now", timestamp(now))
            .param("expired", timestamp(now.minus(timeToLive)))
            .update();
    if (renewed == 1) {
      return Claim.of(Outcome.CLAIMED);
    }
    Optional<Row> found =
        jdbc.sql(
                """
                select request_hash, state, locked_at, status, content_type, location, body
                  from idempotency_keys
                 where scope = :scope and idem_key = :key
                   for update
                """)
            .param("scope", scope)
            .param("key", key)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString("request_hash"),
                        rs.getString("state"),
                        rs.getTimestamp("locked_at").toInstant(),
                        new StoredAnswer(
                            rs.getInt("status"),
                            rs.getString("content_type"),
                            rs.getString("location"),
                            rs.getBytes("body"))))
            .optional();
    if (found.isEmpty()) {
      // Deleted between the insert and the read (a released claim): the caller may retry.
      return Claim.of(Outcome.IN_PROGRESS);
    }
    Row row = found.get();
    if (!row.requestHash().equals(requestHash)) {
      return Claim.of(Outcome.REUSED);
    }
    if ("COMPLETED".equals(row.state())) {
      return new Claim(Outcome.COMPLETED, row.answer());
    }
    if (row.lockedAt().isBefore(now.minus(takeOverAfter))) {
      jdbc.sql(
              "update idempotency_keys set locked_at = :now where scope = :scope and idem_key ="
                  + " :key")
          .param("now", timestamp(now))
          .param("scope", scope)
          .param("key", key)
          .update();
      return Claim.of(Outcome.CLAIMED);
    }
    return Claim.of(Outcome.IN_PROGRESS);
  }

  /** Stores the answer of a claimed key, to be replayed to every retry with the same request. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void complete(String scope, String key, StoredAnswer answer) {
    jdbc.sql(
            """
            update idempotency_keys
               set state = 'COMPLETED', status = :status, content_type = :contentType,
                   location = :location, body = :body
             where scope = :scope and idem_key = :key and state = 'IN_PROGRESS'
            """)
        .param("status", answer.status())
        .param("contentType", answer.contentType())
        .param("location", answer.location())
        .param("body", answer.body())
        .param("scope", scope)
        .param("key", key)
        .update();
  }

  /** Gives a claimed key back when its request failed on our side, so that a retry runs it. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void release(String scope, String key) {
    jdbc.sql(
            "delete from idempotency_keys where scope = :scope and idem_key = :key and state ="
                + " 'IN_PROGRESS'")
        .param("scope", scope)
        .param("key", key)
        .update();
  }

  private record Row(String requestHash, String state, Instant lockedAt, StoredAnswer answer) {}
}
