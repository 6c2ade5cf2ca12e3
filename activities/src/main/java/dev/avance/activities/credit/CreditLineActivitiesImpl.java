package dev.avance.activities.credit;

import dev.avance.activities.credit.CreditLineRepository.LockedLine;
import dev.avance.activities.credit.CreditLineRepository.ReservationRow;
import dev.avance.activities.ledger.LedgerFacts;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.CreditLineStatus;
import dev.avance.workflows.credit.CreditLineView;
import dev.avance.workflows.credit.OpenCreditLine;
import dev.avance.workflows.credit.Reservation;
import dev.avance.workflows.credit.ReservationChange;
import dev.avance.workflows.credit.ReservationStatus;
import dev.avance.workflows.credit.ReserveCredit;
import dev.avance.workflows.credit.SetCreditLineStatus;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit line on PostgreSQL (DESIGN.md §6, invariant 2: outstanding + pending never exceed the
 * line). Each method is one transaction. Every method that changes a balance first locks the
 * borrower's credit line row ({@code select ... for update}) and only then reads the balances and
 * the reservation, so that concurrent loans of one borrower are serialized whichever API or worker
 * node runs them. Lock order is always line, then reservation.
 *
 * <p>Business refusals are non-retryable {@link ApplicationFailure}s typed with {@link
 * FailureType}; a malformed command (negative amount, missing id or repayment key) is a
 * non-retryable failure typed {@code java.lang.IllegalArgumentException}, since retrying it cannot
 * help. Database errors are left to Temporal's retry policy.
 */
@Component
public class CreditLineActivitiesImpl implements CreditLineActivities {
  private static final String INVALID_ARGUMENT = IllegalArgumentException.class.getName();

  private final CreditLineRepository lines;
  private final LedgerFacts books;

  public CreditLineActivitiesImpl(CreditLineRepository lines, LedgerFacts books) {
    this.lines = lines;
    this.books = books;
  }

  /**
   * Creates the line ACTIVE, or rescores it: new maximum and expiry, status back to ACTIVE (from
   * EXPIRED) unless it is BLOCKED. Reservations are kept; a maximum lowered under what is used
   * leaves nothing available. Idempotent: the same command yields the same row.
   */
  @Override
  @Transactional
  public CreditLineView open(OpenCreditLine command) {
    require(command.borrowerId() != null, "borrowerId is required");
    require(command.platformId() != null, "platformId is required");
    require(command.maxAmountCents() >= 0, "maxAmountCents must not be negative");
    require(command.expiresAt() != null, "expiresAt is required");
    require(command.at() != null, "at is required");
    if (lines.upsert(command) == 0) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The borrower's credit line belongs to another platform",
          FailureType.INVALID_STATE.type(),
          command.borrowerId());
    }
    return view(command.borrowerId());
  }

  @Override
  @Transactional
  public CreditLineView setStatus(SetCreditLineStatus command) {
    require(command.borrowerId() != null, "borrowerId is required");
    require(command.status() != null, "status is required");
    require(command.at() != null, "at is required");
    if (lines.updateStatus(
            command.borrowerId(), command.status(), command.statusReason(), command.at())
        == 0) {
      throw noCreditLine(command.borrowerId());
    }
    return view(command.borrowerId());
  }

  /**
   * Holds the amount for the loan. The line is locked first; then a reservation that exists for the
   * loan id is returned as it is (a replay, whatever the amount asked and whatever the line's
   * status now); else the line must exist on the command's platform, be ACTIVE and not expired at
   * {@code command.at()}, and have at least the amount available.
   */
  @Override
  @Transactional
  public Reservation reserve(ReserveCredit command) {
    require(command.loanId() != null, "loanId is required");
    require(command.borrowerId() != null, "borrowerId is required");
    require(command.platformId() != null, "platformId is required");
    require(command.amountCents() > 0, "amountCents must be positive");
    require(command.at() != null, "at is required");

    Optional<LockedLine> locked = lines.lockLine(command.borrowerId());

    Optional<ReservationRow> existing = lines.findReservation(command.loanId());
    if (existing.isPresent()) {
      ReservationRow row = existing.get();
      if (!row.borrowerId().equals(command.borrowerId())
          || !row.platformId().equals(command.platformId())) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Loan " + command.loanId() + " already holds a reservation of another borrower",
            FailureType.INVALID_STATE.type(),
            row.status().name());
      }
      return toReservation(row);
    }

    LockedLine line =
        locked
            // Another platform's line is no line for this platform.
            .filter(l -> l.platformId().equals(command.platformId()))
            .orElseThrow(() -> noCreditLine(command.borrowerId()));
    if (line.status() == CreditLineStatus.BLOCKED) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The credit line is blocked", FailureType.CREDIT_LINE_BLOCKED.type());
    }
    if (line.status() == CreditLineStatus.EXPIRED || !line.expiresAt().isAfter(command.at())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The credit line expired at " + line.expiresAt(),
          FailureType.CREDIT_LINE_EXPIRED.type(),
          line.expiresAt().toString());
    }
    long available =
        CreditLineRepository.available(line.maxAmountCents(), lines.usedCents(line.borrowerId()));
    if (command.amountCents() > available) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The amount "
              + command.amountCents()
              + " exceeds the available balance "
              + available
              + " (euro cents)",
          FailureType.AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE.type(),
          Long.valueOf(available));
    }
    lines.insertReservation(
        command.loanId(),
        command.borrowerId(),
        command.platformId(),
        command.amountCents(),
        command.at());
    return reservation(command.loanId());
  }

  /**
   * PENDING to CONFIRMED (the amount moves from pending to outstanding). Idempotent: CONFIRMED is
   * returned as it is; RELEASED or REPAID fail with INVALID_STATE.
   */
  @Override
  @Transactional
  public Reservation confirm(ReservationChange command) {
    ReservationRow row = lockForChange(command);
    switch (row.status()) {
      case PENDING ->
          lines.updateReservation(
              row.loanId(),
              ReservationStatus.CONFIRMED,
              row.outstandingCents(),
              command.reason(),
              command.at());
      case CONFIRMED -> {
        return toReservation(row);
      }
      default -> throw invalidState("confirm", row);
    }
    return reservation(row.loanId());
  }

  /**
   * PENDING or CONFIRMED to RELEASED: the reservation counts for nothing any more (its outstanding
   * amount is set to 0) and its amount is available again. Idempotent: RELEASED is returned as it
   * is; REPAID fails with INVALID_STATE.
   */
  @Override
  @Transactional
  public Reservation release(ReservationChange command) {
    ReservationRow row = lockForChange(command);
    switch (row.status()) {
      case PENDING, CONFIRMED ->
          lines.updateReservation(
              row.loanId(), ReservationStatus.RELEASED, 0, command.reason(), command.at());
      case RELEASED -> {
        return toReservation(row);
      }
      default -> throw invalidState("release", row);
    }
    return reservation(row.loanId());
  }

  /** The key of the negative repayment that undoes a returned one. */
  static final String RETURNED_SUFFIX = ":returned";

  /**
   * Lowers a CONFIRMED reservation's outstanding amount by {@code min(amountCents, outstanding)};
   * at zero the reservation is REPAID.
   *
   * <p><b>Idempotency:</b> a repayment is not idempotent by its amount (two repayments of 100 are
   * 200), so it is keyed: {@code command.reason()} is the <em>repayment key</em>, required, and
   * must identify the money received (e.g. the incoming payment's id). Each applied key is recorded
   * in {@code credit_repayments(loan_id, repayment_key)}; a second call with a key already recorded
   * changes nothing and returns the reservation as it is now. A new key on a REPAID reservation
   * (money beyond the principal) changes nothing either; PENDING or RELEASED reservations fail with
   * INVALID_STATE.
   */
  @Override
  @Transactional
  public Reservation repay(ReservationChange command) {
    String repaymentKey = command.reason();
    require(
        repaymentKey != null && !repaymentKey.isBlank(),
        "reason is required: it is the repayment key");
    require(command.amountCents() > 0, "amountCents must be positive");
    ReservationRow row = lockForChange(command);
    if (lines.repaymentExists(row.loanId(), repaymentKey)) {
      return toReservation(row);
    }
    long applied;
    switch (row.status()) {
      case CONFIRMED -> {
        applied = Math.min(command.amountCents(), row.outstandingCents());
        long outstanding = row.outstandingCents() - applied;
        lines.updateReservation(
            row.loanId(),
            outstanding == 0 ? ReservationStatus.REPAID : ReservationStatus.CONFIRMED,
            outstanding,
            null,
            command.at());
      }
      case REPAID -> applied = 0;
      default -> throw invalidState("repay", row);
    }
    lines.insertRepayment(row.loanId(), row.platformId(), repaymentKey, applied, command.at());
    if (applied > 0) {
      books.repaymentApplied(
          row.loanId(), row.platformId(), row.borrowerId(), repaymentKey, applied, command.at());
    }
    return reservation(row.loanId());
  }

  /**
   * Undoes a repayment whose money came back (a direct debit returned after it settled): what it
   * applied is outstanding again and a REPAID reservation CONFIRMED again. Recorded as a negative
   * repayment keyed {@code <key>:returned}, dated now, so that the principal timeline (and the
   * interest billed from it) rises again from the day of the return; a second call finds that key
   * and changes nothing. The line may go over its limit: the money is owed whatever the limit.
   */
  @Override
  @Transactional
  public Reservation reinstate(ReservationChange command) {
    String repaymentKey = command.reason();
    require(
        repaymentKey != null && !repaymentKey.isBlank(),
        "reason is required: it is the repayment key to undo");
    ReservationRow row = lockForChange(command);
    String undoKey = repaymentKey + RETURNED_SUFFIX;
    long applied = lines.repaymentAmount(row.loanId(), repaymentKey).orElse(0L);
    if (applied == 0 || lines.repaymentExists(row.loanId(), undoKey)) {
      return toReservation(row);
    }
    if (row.status() != ReservationStatus.CONFIRMED && row.status() != ReservationStatus.REPAID) {
      throw invalidState("reinstate", row);
    }
    lines.updateReservation(
        row.loanId(),
        ReservationStatus.CONFIRMED,
        row.outstandingCents() + applied,
        null,
        command.at());
    lines.insertRepayment(row.loanId(), row.platformId(), undoKey, -applied, command.at());
    books.repaymentReinstated(
        row.loanId(), row.platformId(), row.borrowerId(), repaymentKey, applied, command.at());
    lines.reopenBilling(row.loanId());
    return reservation(row.loanId());
  }

  /** Locks the reservation's line, then the reservation; UNKNOWN_RESERVATION if there is none. */
  private ReservationRow lockForChange(ReservationChange command) {
    require(command.loanId() != null, "loanId is required");
    require(command.at() != null, "at is required");
    ReservationRow unlocked =
        lines.findReservation(command.loanId()).orElseThrow(() -> unknown(command.loanId()));
    // borrower_id never changes, so the unlocked read names the right line to lock.
    lines.lockLine(unlocked.borrowerId());
    return lines.lockReservation(command.loanId()).orElseThrow(() -> unknown(command.loanId()));
  }

  private CreditLineView view(String borrowerId) {
    return lines
        .view(borrowerId)
        .orElseThrow(() -> new IllegalStateException("credit line " + borrowerId + " vanished"));
  }

  private Reservation reservation(String loanId) {
    return toReservation(
        lines
            .findReservation(loanId)
            .orElseThrow(() -> new IllegalStateException("reservation " + loanId + " vanished")));
  }

  private static Reservation toReservation(ReservationRow row) {
    return new Reservation(
        row.loanId(), row.borrowerId(), row.amountCents(), row.outstandingCents(), row.status());
  }

  private static ApplicationFailure noCreditLine(String borrowerId) {
    return ApplicationFailure.newNonRetryableFailure(
        "Borrower " + borrowerId + " has no credit line", FailureType.NO_CREDIT_LINE.type());
  }

  private static ApplicationFailure unknown(String loanId) {
    return ApplicationFailure.newNonRetryableFailure(
        "No reservation for loan " + loanId, FailureType.UNKNOWN_RESERVATION.type());
  }

  private static ApplicationFailure invalidState(String action, ReservationRow row) {
    return ApplicationFailure.newNonRetryableFailure(
        "Cannot " + action + " the " + row.status() + " reservation of loan " + row.loanId(),
        FailureType.INVALID_STATE.type(),
        row.status().name());
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw ApplicationFailure.newNonRetryableFailure(message, INVALID_ARGUMENT);
    }
  }
}
