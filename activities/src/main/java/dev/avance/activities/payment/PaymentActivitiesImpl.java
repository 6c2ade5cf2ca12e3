package dev.avance.activities.payment;

import dev.avance.activities.bank.BankConfiguration;
import dev.avance.activities.bank.BankOutbox;
import dev.avance.activities.bank.BankProperties;
import dev.avance.activities.bank.EndToEndIds;
import dev.avance.activities.payment.PaymentMessages.Outgoing;
import dev.avance.activities.payment.PaymentRepository.PaymentRow;
import dev.avance.bank.Channel;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentRef;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payouts, direct debits and refunds: the {@code payments} read model and the bank files that carry
 * them (DESIGN.md §6, invariant 3: a payment is sent to the bank at most once per payment id,
 * whatever is retried or restarted).
 *
 * <p>Nothing here calls the bank inside a transaction: instructing a payment writes its row and its
 * ISO 20022 file to the outbox in one transaction, and the file goes to the bank after the commit.
 * What the bank says comes back as files (pain.002, camt.054, camt.029) that the inbox applies to
 * the payment's row; awaiting an outcome reads that row.
 *
 * <p>A payment id that does not exist is a non-retryable {@link ApplicationFailure} typed {@link
 * FailureType#INVALID_STATE}; a malformed command is a non-retryable failure typed {@code
 * java.lang.IllegalArgumentException}. A payment still pending at the bank, and database errors,
 * are plain exceptions left to Temporal's retry policy.
 */
@Component
public class PaymentActivitiesImpl implements PaymentActivities {
  private static final String INVALID_ARGUMENT = IllegalArgumentException.class.getName();

  /** The failure type of a payment still pending: retryable, after {@link #nextLook}. */
  static final String PENDING = "PAYMENT_PENDING";

  private static final ZoneId BANK_ZONE = ZoneId.of("Europe/Paris");
  private static final Duration MIN_LOOK = Duration.ofSeconds(2);
  private static final Duration MAX_LATE_LOOK = Duration.ofMinutes(10);
  private static final Duration MAX_EARLY_LOOK = Duration.ofHours(1);

  private final PaymentRepository payments;
  private final PaymentMessages messages;
  private final BankOutbox outbox;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration awaitPoll;

  public PaymentActivitiesImpl(
      PaymentRepository payments,
      PaymentMessages messages,
      BankOutbox outbox,
      PlatformTransactionManager transactions,
      BankProperties bank,
      Clock clock) {
    this.payments = payments;
    this.messages = messages;
    this.outbox = outbox;
    this.tx = BankConfiguration.ownTransactions(transactions);
    this.clock = clock;
    this.awaitPoll = bank.awaitPoll();
  }

  /**
   * Records the payment INSTRUCTED and writes its file to the outbox, in one transaction; the file
   * leaves for the bank once it commits. If the payment id is already recorded, the recorded
   * payment is returned unchanged (whatever this command says) and nothing is written again; a
   * payment id recorded for another loan, platform or type fails with INVALID_STATE. Concurrent
   * calls with one payment id serialize on its primary key. Returns the payment INSTRUCTED, for the
   * caller to await its outcome, except an SCT Inst payout that the bank answered within the poll
   * bound: then PAID or FAILED.
   */
  @Override
  public PaymentView instruct(InstructPayment command) {
    validate(command);
    Instructed instructed = tx.execute(status -> record(command));
    if (instructed.instant()) {
      // An SCT Inst is answered within seconds: the caller gets the outcome without a second
      // activity when it comes in time.
      return poll(
              new PaymentRef(command.paymentId()), row -> row.status() != PaymentStatus.INSTRUCTED)
          .orElse(instructed.view());
    }
    return instructed.view();
  }

  private record Instructed(PaymentView view, boolean instant) {}

  private Instructed record(InstructPayment command) {
    if (payments.insertIfAbsent(command) == 0) {
      PaymentRow existing = row(command.paymentId());
      if (!existing.loanId().equals(command.loanId())
          || !existing.platformId().equals(command.platformId())
          || existing.type() != command.type()) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Payment " + command.paymentId() + " was instructed for another loan or type",
            FailureType.INVALID_STATE.type(),
            existing.status().name());
      }
      return new Instructed(existing.view(), false);
    }
    Channel channel = payments.channelOf(command.platformId());
    String payee =
        command.type() == PaymentType.REFUND
            ? command.payeeName()
            : messages.borrowerName(command.borrowerId());
    Outgoing out = messages.instruction(command, payee);
    long messageId = outbox.write(channel, out.message(), 1, command.at());
    payments.attachMessage(
        command.paymentId(),
        channel,
        EndToEndIds.of(command.paymentId()),
        messageId,
        out.scheme() == null ? null : out.scheme().name(),
        out.sequenceType() == null ? null : out.sequenceType().name());
    return new Instructed(row(command.paymentId()).view(), out.instant());
  }

  /**
   * Returns the payment once the bank's files have settled it one way or the other: PAID (booked),
   * FAILED (rejected), RETURNED or CANCELED. While it is still pending it fails retryably ("payment
   * X is still pending at the bank"), after waiting a few seconds in case the answer is about to
   * come (an SCT Inst settles within seconds), so that the workflow waits through the retry policy
   * without a history event per check.
   */
  @Override
  public PaymentView awaitOutcome(PaymentRef payment) {
    Optional<PaymentView> done = poll(payment, row -> row.status() != PaymentStatus.INSTRUCTED);
    if (done.isPresent()) {
      return done.get();
    }
    PaymentRow row = existing(payment);
    throw pending(
        "payment " + payment.paymentId() + " is still pending at the bank",
        nextLook(row.executionDate(), row.instructedAt()));
  }

  /**
   * A wait, not an error: benign (the SDK logs it at debug level and counts no failure), retried
   * after {@code delay}.
   */
  private static ApplicationFailure pending(String message, Duration delay) {
    return ApplicationFailure.newBuilder()
        .setMessage(message)
        .setType(PENDING)
        .setNextRetryDelay(delay)
        .setCategory(ApplicationErrorCategory.BENIGN)
        .build();
  }

  /**
   * When to look again at a pending payment: not before the bank can have answered (the start of
   * its execution or collection day, checked at least hourly), then soon after, and less and less
   * often as the answer is late (a tenth of the delay so far, between 2 s and 10 min). An SCT Inst
   * is expected at once. A fixed exponential backoff would, after a crash or a long wait, leave a
   * loan minutes or an hour behind a bank answer that came in seconds.
   */
  Duration nextLook(LocalDate executionDate, Instant instructedAt) {
    Instant now = clock.instant();
    // Not before it was sent: a payout due today is expected from its instruction, not midnight.
    Instant day = executionDate == null ? null : executionDate.atStartOfDay(BANK_ZONE).toInstant();
    Instant expected =
        day == null || (instructedAt != null && instructedAt.isAfter(day)) ? instructedAt : day;
    if (expected == null || !expected.isAfter(now)) {
      Duration late = expected == null ? Duration.ZERO : Duration.between(expected, now);
      return clamp(late.dividedBy(10), MIN_LOOK, MAX_LATE_LOOK);
    }
    return clamp(Duration.between(now, expected), MIN_LOOK, MAX_EARLY_LOOK);
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }

  /**
   * Asks the bank to withdraw the payment (a camt.055, once) and returns when the bank answered:
   * CANCELED when it withdrew it, otherwise the payment as the bank's files left it (INSTRUCTED
   * when the withdrawal was refused and the payment goes on, or PAID, FAILED, RETURNED). A payment
   * no longer INSTRUCTED is returned as it is, without asking.
   */
  @Override
  public PaymentView cancel(PaymentRef payment) {
    PaymentView decided =
        tx.execute(
            status -> {
              PaymentRow row = locked(payment);
              if (row.type() == PaymentType.INCOMING_TRANSFER
                  || row.status() != PaymentStatus.INSTRUCTED
                  || PaymentRepository.CANCEL_REFUSED.equals(row.bankStatus())) {
                return row.view();
              }
              if (row.cancelRequestedAt() == null) {
                long messageId =
                    outbox.write(
                        row.channel(),
                        messages.cancellation(row, clock.instant()),
                        1,
                        clock.instant());
                payments.requestCancellation(row.paymentId(), messageId, clock.instant());
              }
              return null;
            });
    if (decided != null) {
      return decided;
    }
    return poll(
            payment,
            row ->
                row.status() != PaymentStatus.INSTRUCTED
                    || PaymentRepository.CANCEL_REFUSED.equals(row.bankStatus()))
        .orElseThrow(
            () ->
                pending(
                    "the bank has not answered the withdrawal of " + payment.paymentId(),
                    MIN_LOOK));
  }

  /** The payment once {@code done}, waiting up to the poll bound; empty if it is not done yet. */
  private Optional<PaymentView> poll(PaymentRef payment, Predicate<PaymentRow> done) {
    long deadline = System.nanoTime() + awaitPoll.toNanos();
    while (true) {
      PaymentRow row = existing(payment);
      if (row.type() == PaymentType.INCOMING_TRANSFER || done.test(row)) {
        return Optional.of(row.view());
      }
      if (System.nanoTime() >= deadline) {
        return Optional.empty();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  private PaymentRow existing(PaymentRef payment) {
    requireId(payment);
    return payments.find(payment.paymentId()).orElseThrow(() -> noPayment(payment));
  }

  private PaymentRow locked(PaymentRef payment) {
    requireId(payment);
    return payments.lock(payment.paymentId()).orElseThrow(() -> noPayment(payment));
  }

  private static void requireId(PaymentRef payment) {
    if (payment == null || payment.paymentId() == null) {
      throw ApplicationFailure.newNonRetryableFailure("paymentId is required", INVALID_ARGUMENT);
    }
  }

  private static ApplicationFailure noPayment(PaymentRef payment) {
    return ApplicationFailure.newNonRetryableFailure(
        "No payment " + payment.paymentId(), FailureType.INVALID_STATE.type());
  }

  private PaymentRow row(String paymentId) {
    return payments
        .find(paymentId)
        .orElseThrow(() -> new IllegalStateException("payment " + paymentId + " vanished"));
  }

  private static void validate(InstructPayment command) {
    require(command != null, "command is required");
    require(command.paymentId() != null, "paymentId is required");
    require(command.loanId() != null, "loanId is required");
    require(command.platformId() != null, "platformId is required");
    require(command.borrowerId() != null, "borrowerId is required");
    require(command.type() != null, "type is required");
    require(
        command.type() != PaymentType.INCOMING_TRANSFER,
        "an incoming transfer is received, not instructed");
    require(command.amountCents() > 0, "amountCents must be positive");
    require(command.iban() != null, "iban is required");
    require(command.at() != null, "at is required");
    if (command.type() == PaymentType.DIRECT_DEBIT) {
      require(command.mandateReference() != null, "a direct debit needs its mandateReference");
      require(command.executionDate() != null, "a direct debit needs its collection date");
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw ApplicationFailure.newNonRetryableFailure(message, INVALID_ARGUMENT);
    }
  }
}
