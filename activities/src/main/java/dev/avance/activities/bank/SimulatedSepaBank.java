package dev.avance.activities.bank;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A SEPA bank simulated on Avance's own PostgreSQL ({@code bank_transfers}, {@code
 * bank_incoming_credits}), with the sandbox controls that play the outside world.
 *
 * <p>Settlement, fixed when the bank receives the instruction ({@code settles_on}):
 *
 * <ul>
 *   <li>a payout (OUT) whose execution date is the day it is received or earlier (or absent) is an
 *       SCT Inst: it settles at once, at its reception, whatever the day;
 *   <li>a payout with a later execution date settles on that date if it is a TARGET business day,
 *       else on the next business day;
 *   <li>a direct debit (DEBIT) is collected on its collection date, moved to the next business day
 *       when the date is closed (a collection date already past when the bank receives it is moved
 *       to the day of reception, then to a business day).
 * </ul>
 *
 * <p>Status transitions are computed from the clock whenever the bank is asked ({@link #outcome},
 * {@link #withdraw} and the sandbox controls first settle a PENDING transfer whose day has come)
 * and persisted. Days are counted in Europe/Paris (CET, the TARGET system's time). A settled
 * transfer's {@code settled_at} is the start of its settlement day, or its reception when later
 * (SCT Inst), so it does not depend on when somebody asked.
 *
 * <p>Every state change is one conditional {@code update} (on {@code status = 'PENDING'} etc.), so
 * it is atomic on its own, joins the caller's transaction when there is one, and concurrent callers
 * (a withdraw racing a settlement) cannot both win. Nothing here throws for a business situation
 * inside a caller's transaction, so a caller's {@code @Transactional} is never marked rollback-only
 * behind its back.
 */
@Component
public class SimulatedSepaBank implements SepaBank {
  /** The zone in which the bank counts days. */
  public static final ZoneId BANK_ZONE = ZoneId.of("Europe/Paris");

  /** A SEPA R-code: two letters and two digits (AM04, MD01, AC04, MS03...). */
  private static final Pattern R_CODE = Pattern.compile("[A-Z]{2}[0-9]{2}");

  private static final String COLUMNS =
      """
      bank_transfer_id, payment_id, direction, amount_cents, iban, bic, mandate_reference,
      remittance_information, execution_date, settles_on, status, rejection_reason, return_code,
      received_at, settled_at, updated_at
      """;

  private final Clock clock;
  private final JdbcClient jdbc;

  public SimulatedSepaBank(Clock clock, JdbcClient jdbc) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
  }

  // ---------------------------------------------------------------------------------------------
  // SepaBank

  @Override
  public BankReceipt submit(BankInstruction instruction) {
    Objects.requireNonNull(instruction, "instruction");
    Instant now = clock.instant();
    LocalDate today = day(now);
    LocalDate execution = instruction.executionDate() == null ? today : instruction.executionDate();
    LocalDate settlesOn =
        switch (instruction.direction()) {
          case OUT -> execution.isAfter(today) ? businessDayOnOrAfter(execution) : today;
          case DEBIT -> businessDayOnOrAfter(execution.isAfter(today) ? execution : today);
        };
    // A second submit of the payment id conflicts (or waits for the first one's transaction,
    // then conflicts) and inserts nothing: the bank receives each payment id at most once.
    jdbc.sql(
            """
            insert into bank_transfers (payment_id, direction, amount_cents, iban, bic,
                mandate_reference, remittance_information, execution_date, settles_on, status,
                received_at, updated_at)
            values (:paymentId, :direction, :amount, :iban, :bic, :mandate, :remittance,
                :execution, :settlesOn, 'PENDING', :now, :now)
            on conflict (payment_id) do nothing
            """)
        .param("paymentId", instruction.paymentId())
        .param("direction", instruction.direction().name())
        .param("amount", instruction.amountCents())
        .param("iban", instruction.iban())
        .param("bic", instruction.bic())
        .param("mandate", instruction.mandateReference())
        .param("remittance", instruction.remittanceInformation())
        .param("execution", execution)
        .param("settlesOn", settlesOn)
        .param("now", timestamp(now))
        .update();
    // A rejection arranged through the sandbox before the payment arrived.
    jdbc.sql(
            """
            update bank_transfers t set status = 'REJECTED', rejection_reason = r.reason,
                updated_at = :now
            from bank_sandbox_rules r
            where r.payment_id = t.payment_id and t.payment_id = :paymentId
              and r.action = 'REJECT' and t.status = 'PENDING'
            """)
        .param("paymentId", instruction.paymentId())
        .param("now", timestamp(now))
        .update();
    BankTransfer transfer = require(instruction.paymentId());
    return new BankReceipt(
        transfer.paymentId(),
        transfer.bankTransferId(),
        transfer.direction(),
        transfer.amountCents(),
        transfer.executionDate(),
        transfer.settlesOn(),
        transfer.receivedAt());
  }

  @Override
  public BankOutcome outcome(String paymentId) {
    settleIfDue(paymentId);
    return toOutcome(require(paymentId));
  }

  @Override
  public BankOutcome withdraw(String paymentId) {
    settleIfDue(paymentId);
    jdbc.sql(
            """
            update bank_transfers set status = 'WITHDRAWN', updated_at = :now
            where payment_id = :paymentId and status = 'PENDING'
            """)
        .param("now", timestamp(clock.instant()))
        .param("paymentId", paymentId)
        .update();
    return toOutcome(require(paymentId));
  }

  // ---------------------------------------------------------------------------------------------
  // Sandbox controls: the outside world (DESIGN.md §3, /sandbox/...). They throw
  // NoSuchElementException for an unknown payment id, IllegalArgumentException for a wrong kind
  // of transfer or a malformed code, IllegalStateException when the transfer's state forbids it.

  /**
   * The bank rejects a payout it has not executed yet: a PENDING OUT becomes REJECTED with the
   * reason. Failing an already REJECTED payout returns it as it is (its first reason kept). A
   * payout whose day has come has settled (an SCT Inst settles when received) and cannot fail any
   * more: IllegalStateException.
   */
  /**
   * Sandbox: the payment, when it arrives, is rejected with {@code reason} (payouts due today
   * settle at once, so they can only be failed in advance).
   */
  public void rejectWhenReceived(String paymentId, String reason) {
    jdbc.sql(
            """
            insert into bank_sandbox_rules (payment_id, action, reason, created_at)
            values (:id, 'REJECT', :reason, :now)
            on conflict (payment_id) do update set reason = excluded.reason
            """)
        .param("id", paymentId)
        .param("reason", reason)
        .param("now", timestamp(clock.instant()))
        .update();
  }

  public BankOutcome failPayout(String paymentId, String reason) {
    Objects.requireNonNull(paymentId, "paymentId");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
    settleIfDue(paymentId);
    jdbc.sql(
            """
            update bank_transfers
            set status = 'REJECTED', rejection_reason = :reason, updated_at = :now
            where payment_id = :paymentId and direction = 'OUT' and status = 'PENDING'
            """)
        .param("reason", reason)
        .param("now", timestamp(clock.instant()))
        .param("paymentId", paymentId)
        .update();
    BankTransfer transfer = require(paymentId);
    if (transfer.direction() != BankDirection.OUT) {
      throw new IllegalArgumentException(paymentId + " is a direct debit, not a payout");
    }
    if (transfer.status() != BankTransferStatus.REJECTED) {
      throw new IllegalStateException(
          "payout " + paymentId + " is " + transfer.status() + ", it can no longer be rejected");
    }
    return toOutcome(transfer);
  }

  /**
   * The debtor's bank returns a direct debit with a SEPA R-code (e.g. {@code AM04}, insufficient
   * funds): a PENDING or SETTLED DEBIT becomes RETURNED (returns can come days after the
   * settlement; {@code settled_at} is kept). Returning an already RETURNED debit returns it as it
   * is (its first code kept); a WITHDRAWN debit was never collected: IllegalStateException.
   */
  public BankOutcome returnDirectDebit(String paymentId, String rCode) {
    Objects.requireNonNull(paymentId, "paymentId");
    if (rCode == null || !R_CODE.matcher(rCode).matches()) {
      throw new IllegalArgumentException("not a SEPA R-code: " + rCode);
    }
    settleIfDue(paymentId);
    jdbc.sql(
            """
            update bank_transfers
            set status = 'RETURNED', return_code = :code, updated_at = :now
            where payment_id = :paymentId and direction = 'DEBIT'
                and status in ('PENDING', 'SETTLED')
            """)
        .param("code", rCode)
        .param("now", timestamp(clock.instant()))
        .param("paymentId", paymentId)
        .update();
    BankTransfer transfer = require(paymentId);
    if (transfer.direction() != BankDirection.DEBIT) {
      throw new IllegalArgumentException(paymentId + " is a payout, not a direct debit");
    }
    if (transfer.status() != BankTransferStatus.RETURNED) {
      throw new IllegalStateException(
          "direct debit " + paymentId + " is " + transfer.status() + ", it cannot be returned");
    }
    return toOutcome(transfer);
  }

  /**
   * A SEPA credit transfer arrives on one of Avance's (virtual) IBANs. Idempotent by the bank's
   * reference: the same credit reported twice is stored once. Returns the row id of the credit.
   */
  public long receiveCredit(
      String bankReference,
      String toIban,
      String fromIban,
      long amountCents,
      String remittanceInformation) {
    Objects.requireNonNull(bankReference, "bankReference");
    Objects.requireNonNull(toIban, "toIban");
    if (amountCents <= 0) {
      throw new IllegalArgumentException("amountCents must be positive: " + amountCents);
    }
    Optional<Long> inserted =
        jdbc.sql(
                """
                insert into bank_incoming_credits (bank_reference, to_iban, from_iban,
                    amount_cents, remittance_information, received_at, status)
                values (:ref, :to, :from, :amount, :remittance, :now, 'RECEIVED')
                on conflict (bank_reference) do nothing
                returning id
                """)
            .param("ref", bankReference)
            .param("to", toIban)
            .param("from", fromIban)
            .param("amount", amountCents)
            .param("remittance", remittanceInformation)
            .param("now", timestamp(clock.instant()))
            .query(Long.class)
            .optional();
    return inserted.orElseGet(
        () ->
            jdbc.sql("select id from bank_incoming_credits where bank_reference = :ref")
                .param("ref", bankReference)
                .query(Long.class)
                .single());
  }

  /** The transfer of this payment id, as the bank's ledger holds it now (no settlement run). */
  public Optional<BankTransfer> transfer(String paymentId) {
    return jdbc.sql("select " + COLUMNS + " from bank_transfers where payment_id = :paymentId")
        .param("paymentId", paymentId)
        .query(SimulatedSepaBank::map)
        .optional();
  }

  /**
   * The transfer of this payment id, or the transfers of this loan (payment ids are {@code <loan
   * id>:<step>}, e.g. {@code loan-1:payout}), in the order the bank received them. A payment id has
   * at most one transfer.
   */
  public List<BankTransfer> transfers(String paymentIdOrLoanId) {
    Objects.requireNonNull(paymentIdOrLoanId, "paymentIdOrLoanId");
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from bank_transfers"
                + " where payment_id = :id or starts_with(payment_id, :id || ':')"
                + " order by bank_transfer_id")
        .param("id", paymentIdOrLoanId)
        .query(SimulatedSepaBank::map)
        .list();
  }

  // ---------------------------------------------------------------------------------------------

  /** PENDING to SETTLED once the bank's day has reached the settlement day. */
  private void settleIfDue(String paymentId) {
    Instant now = clock.instant();
    jdbc.sql(
            """
            update bank_transfers
            set status = 'SETTLED',
                settled_at = greatest(received_at,
                    cast(settles_on as timestamp) at time zone 'Europe/Paris'),
                updated_at = :now
            where payment_id = :paymentId and status = 'PENDING' and settles_on <= :today
            """)
        .param("now", timestamp(now))
        .param("paymentId", paymentId)
        .param("today", day(now))
        .update();
  }

  private BankTransfer require(String paymentId) {
    return transfer(paymentId)
        .orElseThrow(() -> new NoSuchElementException("the bank knows no payment " + paymentId));
  }

  private static BankOutcome toOutcome(BankTransfer t) {
    String reason =
        switch (t.status()) {
          case REJECTED -> t.rejectionReason();
          case RETURNED -> t.returnCode();
          default -> null;
        };
    return new BankOutcome(t.paymentId(), t.status(), reason, t.settlesOn(), t.settledAt());
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, BANK_ZONE);
  }

  private static BankTransfer map(ResultSet rs, int rowNum) throws SQLException {
    return new BankTransfer(
        rs.getLong("bank_transfer_id"),
        rs.getString("payment_id"),
        BankDirection.valueOf(rs.getString("direction")),
        rs.getLong("amount_cents"),
        rs.getString("iban"),
        rs.getString("bic"),
        rs.getString("mandate_reference"),
        rs.getString("remittance_information"),
        rs.getObject("execution_date", LocalDate.class),
        rs.getObject("settles_on", LocalDate.class),
        BankTransferStatus.valueOf(rs.getString("status")),
        rs.getString("rejection_reason"),
        rs.getString("return_code"),
        instant(rs, "received_at"),
        instant(rs, "settled_at"),
        instant(rs, "updated_at"));
  }

  // ---------------------------------------------------------------------------------------------
  // TARGET2 closing days: weekends, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26
  // December (DESIGN.md §5).
  // TODO: use rules.TargetCalendar

  private static LocalDate businessDayOnOrAfter(LocalDate date) {
    LocalDate day = date;
    while (!isTargetBusinessDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static boolean isTargetBusinessDay(LocalDate date) {
    DayOfWeek weekday = date.getDayOfWeek();
    if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
      return false;
    }
    Month month = date.getMonth();
    int dayOfMonth = date.getDayOfMonth();
    if ((month == Month.JANUARY && dayOfMonth == 1)
        || (month == Month.MAY && dayOfMonth == 1)
        || (month == Month.DECEMBER && (dayOfMonth == 25 || dayOfMonth == 26))) {
      return false;
    }
    LocalDate easter = easterSunday(date.getYear());
    return !date.equals(easter.minusDays(2)) && !date.equals(easter.plusDays(1));
  }

  /** Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  private static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
