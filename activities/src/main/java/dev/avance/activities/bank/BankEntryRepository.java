package dev.avance.activities.bank;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The entries of incoming files ({@code bank_entries}) and their follow-ups. */
@Repository
public class BankEntryRepository {
  private static final String COLUMNS =
      """
      id, message_id, entry_key, kind, outcome, end_to_end_id, payment_id, amount_cents, currency,
      reason_code, account_iban, bank_reference, booking_date, detail, follow_up,
      follow_up_done_at, follow_up_attempts, created_at
      """;

  private final JdbcClient jdbc;

  public BankEntryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One entry as stored, for operators and the relay. */
  public record BankEntryRow(
      long id,
      long messageId,
      String entryKey,
      BankEntryKind kind,
      BankEntryOutcome outcome,
      String endToEndId,
      String paymentId,
      Long amountCents,
      String currency,
      String reasonCode,
      String accountIban,
      String bankReference,
      LocalDate bookingDate,
      String detail,
      BankFollowUp followUp,
      Instant followUpDoneAt,
      int followUpAttempts,
      Instant createdAt) {}

  /**
   * Claims the entry's business key: empty when an earlier entry holds it (then this one is a
   * duplicate and must not be applied). Runs in the applying transaction, so a crash before its
   * commit releases the key with everything else.
   */
  Optional<Long> claim(long messageId, ParsedEntry entry, Instant at) {
    return jdbc.sql(
            """
            insert into bank_entries (message_id, entry_key, kind, outcome, end_to_end_id,
                amount_cents, currency, reason_code, account_iban, bank_reference, booking_date,
                created_at, credit)
            values (:m, :key, :kind, 'APPLIED', :e2e, :amount, :currency, :reason, :account,
                :ref, :booking, :at, :credit)
            on conflict (entry_key) do nothing
            returning id
            """)
        .param("m", messageId)
        .param("key", entry.key())
        .param("kind", entry.kind().name())
        .param("e2e", entry.endToEndId())
        .param("amount", entry.amountCents())
        .param("currency", entry.currency())
        .param("reason", entry.reasonCode())
        .param("account", entry.accountIban())
        .param("ref", entry.bankReference())
        .param("booking", entry.bookingDate())
        .param("at", timestamp(at))
        .param("credit", entry.credit())
        .query(Long.class)
        .optional();
  }

  /** Keeps a duplicate for the record, under a key of its own that claims nothing. */
  void recordDuplicate(long messageId, int index, ParsedEntry entry, Instant at) {
    jdbc.sql(
            """
            insert into bank_entries (message_id, entry_key, kind, outcome, end_to_end_id,
                amount_cents, currency, reason_code, account_iban, bank_reference, booking_date,
                detail, created_at)
            values (:m, :key, :kind, 'DUPLICATE', :e2e, :amount, :currency, :reason, :account,
                :ref, :booking, :detail, :at)
            on conflict (entry_key) do nothing
            """)
        .param("m", messageId)
        .param("key", entry.key() + "#dup:" + messageId + ":" + index)
        .param("kind", entry.kind().name())
        .param("e2e", entry.endToEndId())
        .param("amount", entry.amountCents())
        .param("currency", entry.currency())
        .param("reason", entry.reasonCode())
        .param("account", entry.accountIban())
        .param("ref", entry.bankReference())
        .param("booking", entry.bookingDate())
        .param("detail", "first applied as " + entry.key())
        .param("at", timestamp(at))
        .update();
  }

  void settle(
      long id, BankEntryOutcome outcome, String paymentId, String detail, BankFollowUp followUp) {
    jdbc.sql(
            """
            update bank_entries set outcome = :outcome, payment_id = :payment, detail = :detail,
                follow_up = :followUp
            where id = :id
            """)
        .param("outcome", outcome.name())
        .param("payment", paymentId)
        .param("detail", detail)
        .param("followUp", followUp == null ? null : followUp.name())
        .param("id", id)
        .update();
  }

  public List<BankEntryRow> ofMessage(long messageId) {
    return jdbc.sql("select " + COLUMNS + " from bank_entries where message_id = :m order by id")
        .param("m", messageId)
        .query(BankEntryRepository::map)
        .list();
  }

  public List<BankEntryRow> ofPayment(String paymentId) {
    return jdbc.sql("select " + COLUMNS + " from bank_entries where payment_id = :p order by id")
        .param("p", paymentId)
        .query(BankEntryRepository::map)
        .list();
  }

  /**
   * Locks up to {@code limit} follow-ups not done yet that no other relay holds, the least tried
   * first (one that keeps failing never holds back the others), oldest first among equals. The
   * caller does each and marks it done in the same transaction.
   */
  public List<BankEntryRow> claimFollowUps(int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from bank_entries where follow_up is not null and follow_up_done_at is null"
                + " order by follow_up_attempts, id limit :limit for update skip locked")
        .param("limit", limit)
        .query(BankEntryRepository::map)
        .list();
  }

  public void followUpDone(long id, Instant at) {
    jdbc.sql("update bank_entries set follow_up_done_at = :at where id = :id")
        .param("at", timestamp(at))
        .param("id", id)
        .update();
  }

  public void followUpFailed(long id) {
    jdbc.sql("update bank_entries set follow_up_attempts = follow_up_attempts + 1 where id = :id")
        .param("id", id)
        .update();
  }

  private static BankEntryRow map(ResultSet rs, int rowNum) throws SQLException {
    String followUp = rs.getString("follow_up");
    return new BankEntryRow(
        rs.getLong("id"),
        rs.getLong("message_id"),
        rs.getString("entry_key"),
        BankEntryKind.valueOf(rs.getString("kind")),
        BankEntryOutcome.valueOf(rs.getString("outcome")),
        rs.getString("end_to_end_id"),
        rs.getString("payment_id"),
        rs.getObject("amount_cents", Long.class),
        rs.getString("currency"),
        rs.getString("reason_code"),
        rs.getString("account_iban"),
        rs.getString("bank_reference"),
        rs.getObject("booking_date", LocalDate.class),
        rs.getString("detail"),
        followUp == null ? null : BankFollowUp.valueOf(followUp),
        instant(rs, "follow_up_done_at"),
        rs.getInt("follow_up_attempts"),
        instant(rs, "created_at"));
  }
}
