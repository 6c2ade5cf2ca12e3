package dev.avance.activities.bank;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.bank.Channel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files exchanged with the bank ({@code bank_messages}), both ways. */
@Repository
public class BankMessageRepository {
  private static final String COLUMNS =
      """
      id, direction, channel, message_type, message_id, status, entries, attempts, last_error,
      created_at, sent_at
      """;

  private final JdbcClient jdbc;

  public BankMessageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Which way a file went. */
  public enum Direction {
    OUT,
    IN
  }

  /** A file without its bytes. */
  public record BankMessageRow(
      long id,
      Direction direction,
      Channel channel,
      String type,
      String messageId,
      String status,
      int entries,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant sentAt) {}

  /**
   * Writes an outgoing file PENDING, in the caller's transaction; the same message id again writes
   * nothing. Returns the row id.
   */
  long insertOut(
      Channel channel, String type, String messageId, byte[] xml, int entries, Instant at) {
    return insert(Direction.OUT, channel, type, messageId, "PENDING", xml, entries, at)
        .orElseGet(() -> find(Direction.OUT, channel, messageId).orElseThrow().id());
  }

  /** Stores an incoming file APPLIED; empty when this message id was received before. */
  Optional<Long> insertIn(Channel channel, String type, String messageId, byte[] xml, Instant at) {
    return insert(Direction.IN, channel, type, messageId, "APPLIED", xml, 0, at);
  }

  private Optional<Long> insert(
      Direction direction,
      Channel channel,
      String type,
      String messageId,
      String status,
      byte[] xml,
      int entries,
      Instant at) {
    return jdbc.sql(
            """
            insert into bank_messages (direction, channel, message_type, message_id, status, xml,
                sha256, entries, created_at)
            values (:direction, :channel, :type, :messageId, :status, :xml, :sha, :entries, :at)
            on conflict (direction, channel, message_id) do nothing
            returning id
            """)
        .param("direction", direction.name())
        .param("channel", channel.name())
        .param("type", type)
        .param("messageId", messageId)
        .param("status", status)
        .param("xml", xml)
        .param("sha", sha256(xml))
        .param("entries", entries)
        .param("at", timestamp(at))
        .query(Long.class)
        .optional();
  }

  void setEntries(long id, int entries) {
    jdbc.sql("update bank_messages set entries = :n where id = :id")
        .param("n", entries)
        .param("id", id)
        .update();
  }

  public Optional<BankMessageRow> find(Direction direction, Channel channel, String messageId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from bank_messages"
                + " where direction = :d and channel = :c and message_id = :m")
        .param("d", direction.name())
        .param("c", channel.name())
        .param("m", messageId)
        .query(BankMessageRepository::map)
        .optional();
  }

  public Optional<BankMessageRow> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from bank_messages where id = :id")
        .param("id", id)
        .query(BankMessageRepository::map)
        .optional();
  }

  public Optional<byte[]> xml(long id) {
    return jdbc.sql("select xml from bank_messages where id = :id")
        .param("id", id)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  /**
   * A page in id order (the order they were written), after the cursor's id, optionally one
   * direction and one channel.
   */
  public List<BankMessageRow> list(
      Direction direction, Channel channel, boolean ascending, Long afterId, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from bank_messages where true");
    if (direction != null) {
      sql.append(" and direction = :d");
    }
    if (channel != null) {
      sql.append(" and channel = :c");
    }
    if (afterId != null) {
      sql.append(ascending ? " and id > :after" : " and id < :after");
    }
    sql.append(ascending ? " order by id asc" : " order by id desc").append(" limit :limit");
    JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("limit", limit);
    if (direction != null) {
      spec = spec.param("d", direction.name());
    }
    if (channel != null) {
      spec = spec.param("c", channel.name());
    }
    if (afterId != null) {
      spec = spec.param("after", afterId);
    }
    return spec.query(BankMessageRepository::map).list();
  }

  /**
   * Locks up to {@code limit} pending outgoing files that nobody else holds, oldest first: several
   * senders on several nodes never send one file at the same time (they would both be safe, the
   * bank deduplicates, but it would be twice the work). With {@code afterId}, only files after it.
   */
  List<PendingFile> claimPending(Long onlyId, Long afterId, int limit) {
    return jdbc.sql(
            """
            select id, channel, message_type, message_id, xml from bank_messages
            where status = 'PENDING' and direction = 'OUT' and (:only::bigint is null or id = :only)
              and (:after::bigint is null or id > :after)
            order by id limit :limit
            for update skip locked
            """)
        .param("only", onlyId)
        .param("after", afterId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new PendingFile(
                    rs.getLong("id"),
                    Channel.valueOf(rs.getString("channel")),
                    rs.getString("message_type"),
                    rs.getString("message_id"),
                    rs.getBytes("xml")))
        .list();
  }

  record PendingFile(long id, Channel channel, String type, String messageId, byte[] xml) {}

  void markSent(long id, Instant at) {
    jdbc.sql(
            """
            update bank_messages set status = 'SENT', sent_at = :at, attempts = attempts + 1,
                last_error = null
            where id = :id and status = 'PENDING'
            """)
        .param("at", timestamp(at))
        .param("id", id)
        .update();
  }

  void markFailedAttempt(long id, String error) {
    jdbc.sql(
            "update bank_messages set attempts = attempts + 1, last_error = :e"
                + " where id = :id and status = 'PENDING'")
        .param("e", error.length() > 500 ? error.substring(0, 500) : error)
        .param("id", id)
        .update();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static BankMessageRow map(ResultSet rs, int rowNum) throws SQLException {
    return new BankMessageRow(
        rs.getLong("id"),
        Direction.valueOf(rs.getString("direction")),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("message_type"),
        rs.getString("message_id"),
        rs.getString("status"),
        rs.getInt("entries"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        instant(rs, "created_at"),
        instant(rs, "sent_at"));
  }
}
