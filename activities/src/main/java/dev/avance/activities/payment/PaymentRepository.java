package dev.avance.activities.payment;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.bank.Channel;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code payments} read model. Reads for the API are scoped to the calling platform; the write
 * side is for {@link PaymentActivitiesImpl} and must run in its transaction.
 */
@Repository
public class PaymentRepository {
  /** bank_status of a payment whose withdrawal the bank refused (camt.029 RJCR). */
  public static final String CANCEL_REFUSED = "CANCEL_REFUSED";

  private static final String COLUMNS =
      """
      payment_id, loan_id, platform_id, borrower_id, type, amount_cents, status, failure_reason,
      execution_date, instructed_at, paid_at, channel, end_to_end_id, bank_status,
      mandate_reference, cancel_requested_at, iban
      """;

  private final JdbcClient jdbc;

  public PaymentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------------------------------------
  // Read side (API): always scoped to the calling platform.

  /** The loan's payments, oldest first; empty when the loan is another platform's. */
  public List<PaymentView> findByLoan(String platformId, String loanId) {
    return jdbc
        .sql(
            "select "
                + COLUMNS
                + " from payments where platform_id = :p and loan_id = :l"
                + " order by created_at, payment_id")
        .param("p", platformId)
        .param("l", loanId)
        .query(PaymentRepository::map)
        .list()
        .stream()
        .map(PaymentRow::view)
        .toList();
  }

  /** The payments of several loans of the platform (a page of a list), oldest first per loan. */
  public Map<String, List<PaymentView>> findByLoans(String platformId, Collection<String> loanIds) {
    Map<String, List<PaymentView>> byLoan = new HashMap<>();
    if (loanIds.isEmpty()) {
      return byLoan;
    }
    jdbc.sql(
            "select "
                + COLUMNS
                + " from payments where platform_id = :p and loan_id in (:l)"
                + " order by created_at, payment_id")
        .param("p", platformId)
        .param("l", List.copyOf(loanIds))
        .query(PaymentRepository::map)
        .list()
        .forEach(
            row -> byLoan.computeIfAbsent(row.loanId(), k -> new ArrayList<>()).add(row.view()));
    return byLoan;
  }

  /** One payment of the platform; empty when it is another platform's. */
  public Optional<PaymentView> findById(String platformId, String paymentId) {
    return jdbc.sql(
            "select " + COLUMNS + " from payments where platform_id = :p and payment_id = :id")
        .param("p", platformId)
        .param("id", paymentId)
        .query(PaymentRepository::map)
        .optional()
        .map(PaymentRow::view);
  }

  // ---------------------------------------------------------------------------------------------
  // Write side (activities).

  /**
   * Inserts the payment INSTRUCTED unless its payment id exists. Returns 1 when inserted, 0 when
   * the payment id was already recorded: a concurrent insert of the same id waits for the other
   * transaction and then inserts nothing.
   */
  int insertIfAbsent(InstructPayment command) {
    return jdbc.sql(
            """
            insert into payments (payment_id, loan_id, platform_id, borrower_id, type,
                amount_cents, status, iban, bic, mandate_reference, remittance_reference,
                execution_date, instructed_at, created_at, updated_at)
            values (:id, :loan, :p, :borrower, :type, :amount, 'INSTRUCTED', :iban, :bic,
                :mandate, :remittance, :execution, :at, :at, :at)
            on conflict (payment_id) do nothing
            """)
        .param("id", command.paymentId())
        .param("loan", command.loanId())
        .param("p", command.platformId())
        .param("borrower", command.borrowerId())
        .param("type", command.type().name())
        .param("amount", command.amountCents())
        .param("iban", command.iban())
        .param("bic", command.bic())
        .param("mandate", command.mandateReference())
        .param("remittance", command.remittanceReference())
        .param("execution", command.executionDate())
        .param("at", timestamp(command.at()))
        .update();
  }

  /** The payment, whatever its platform (no lock). */
  public Optional<PaymentRow> find(String paymentId) {
    return jdbc.sql("select " + COLUMNS + " from payments where payment_id = :id")
        .param("id", paymentId)
        .query(PaymentRepository::map)
        .optional();
  }

  /** Locks the payment ({@code for update}) until the transaction ends. */
  Optional<PaymentRow> lock(String paymentId) {
    return jdbc.sql("select " + COLUMNS + " from payments where payment_id = :id for update")
        .param("id", paymentId)
        .query(PaymentRepository::map)
        .optional();
  }

  /** Sets the status, the failure reason and when it was paid (both may be null). */
  void update(
      String paymentId,
      PaymentStatus status,
      String failureReason,
      Instant paidAt,
      Instant updatedAt) {
    jdbc.sql(
            """
            update payments
            set status = :status, failure_reason = :reason, paid_at = :paidAt,
                updated_at = :updatedAt
            where payment_id = :id
            """)
        .param("status", status.name())
        .param("reason", failureReason)
        .param("paidAt", timestamp(paidAt))
        .param("updatedAt", timestamp(updatedAt))
        .param("id", paymentId)
        .update();
  }

  /** The channel of a platform's payments: its environment (live or sandbox). */
  Channel channelOf(String platformId) {
    return jdbc.sql("select environment from platforms where id = :p")
        .param("p", platformId)
        .query(String.class)
        .optional()
        .map(Channel::valueOf)
        .orElseThrow(() -> new IllegalStateException("no platform " + platformId));
  }

  /** What the bank needs of the payment, fixed with the message that carries it. */
  void attachMessage(
      String paymentId,
      Channel channel,
      String endToEndId,
      long messageId,
      String scheme,
      String sequenceType) {
    jdbc.sql(
            """
            update payments set channel = :channel, end_to_end_id = :e2e, message_id = :m,
                scheme = :scheme, sequence_type = :seq, bank_status = 'SENT'
            where payment_id = :id
            """)
        .param("channel", channel.name())
        .param("e2e", endToEndId)
        .param("m", messageId)
        .param("scheme", scheme)
        .param("seq", sequenceType)
        .param("id", paymentId)
        .update();
  }

  void requestCancellation(String paymentId, long messageId, Instant at) {
    jdbc.sql(
            """
            update payments set cancel_requested_at = :at, cancel_message_id = :m, updated_at = :at
            where payment_id = :id and cancel_requested_at is null
            """)
        .param("at", timestamp(at))
        .param("m", messageId)
        .param("id", paymentId)
        .update();
  }

  /** The payment of this channel that the bank knows by this EndToEndId, locked. */
  public Optional<PaymentRow> lockByEndToEndId(Channel channel, String endToEndId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from payments where channel = :c and end_to_end_id = :e2e for update")
        .param("c", channel.name())
        .param("e2e", endToEndId)
        .query(PaymentRepository::map)
        .optional();
  }

  /** The payments a message carried (a file rejected as a whole), locked. */
  public List<PaymentRow> lockByMessage(Channel channel, String messageId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from payments where message_id = (select id from bank_messages"
                + " where direction = 'OUT' and channel = :c and message_id = :m)"
                + " order by payment_id for update")
        .param("c", channel.name())
        .param("m", messageId)
        .query(PaymentRepository::map)
        .list();
  }

  /**
   * Records a fact the bank reported: the payment's status (PAID, FAILED, RETURNED, CANCELED, or
   * unchanged), the bank's own status, the reason, when the money moved and the amount the bank
   * settled.
   */
  public void recordBankFact(
      String paymentId,
      PaymentStatus status,
      String bankStatus,
      String reason,
      Instant paidAt,
      Long settledAmountCents,
      Instant returnedAt,
      Instant now) {
    jdbc.sql(
            """
            update payments set status = :status, bank_status = :bankStatus,
                failure_reason = coalesce(:reason, failure_reason),
                paid_at = coalesce(:paidAt, paid_at),
                settled_amount_cents = coalesce(:settled, settled_amount_cents),
                returned_at = coalesce(:returnedAt, returned_at),
                updated_at = :now
            where payment_id = :id
            """)
        .param("status", status.name())
        .param("bankStatus", bankStatus)
        .param("reason", reason)
        .param("paidAt", timestamp(paidAt))
        .param("settled", settledAmountCents)
        .param("returnedAt", timestamp(returnedAt))
        .param("now", timestamp(now))
        .param("id", paymentId)
        .update();
  }

  /** A payment with the columns {@link PaymentView} does not carry. */
  public record PaymentRow(
      String paymentId,
      String loanId,
      String platformId,
      String borrowerId,
      PaymentType type,
      long amountCents,
      PaymentStatus status,
      String failureReason,
      LocalDate executionDate,
      Instant instructedAt,
      Instant paidAt,
      Channel channel,
      String endToEndId,
      String bankStatus,
      String mandateReference,
      Instant cancelRequestedAt,
      String iban) {

    public PaymentView view() {
      return new PaymentView(
          paymentId,
          loanId,
          type,
          amountCents,
          status,
          failureReason,
          executionDate,
          instructedAt,
          paidAt);
    }
  }

  private static PaymentRow map(ResultSet rs, int rowNum) throws SQLException {
    return new PaymentRow(
        rs.getString("payment_id"),
        rs.getString("loan_id"),
        rs.getString("platform_id"),
        rs.getString("borrower_id"),
        PaymentType.valueOf(rs.getString("type")),
        rs.getLong("amount_cents"),
        PaymentStatus.valueOf(rs.getString("status")),
        rs.getString("failure_reason"),
        rs.getObject("execution_date", LocalDate.class),
        instant(rs, "instructed_at"),
        instant(rs, "paid_at"),
        rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
        rs.getString("end_to_end_id"),
        rs.getString("bank_status"),
        rs.getString("mandate_reference"),
        instant(rs, "cancel_requested_at"),
        rs.getString("iban"));
  }
}
