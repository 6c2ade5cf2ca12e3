package dev.avance.workflows.credit;

import io.temporal.activity.ActivityInterface;

/**
 * The credit line and the loans' reservations on it. Every method is one database transaction that
 * locks the borrower's line, so concurrent loans never overdraw it, and is idempotent per loan id:
 * a retried step returns the state the first attempt produced.
 */
@ActivityInterface
public interface CreditLineActivities {

  /** Creates or rescores the line. */
  CreditLineView open(OpenCreditLine command);

  CreditLineView setStatus(SetCreditLineStatus command);

  /**
   * PENDING reservation of the amount. Fails (non-retryable) with NO_CREDIT_LINE,
   * CREDIT_LINE_EXPIRED, CREDIT_LINE_BLOCKED or AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE. A reservation
   * that exists for the loan id is returned as it is, whatever the amount asked.
   */
  Reservation reserve(ReserveCredit command);

  /** PENDING to CONFIRMED: the amount moves from pending to outstanding. */
  Reservation confirm(ReservationChange command);

  /** PENDING or CONFIRMED to RELEASED: the amount is available again. */
  Reservation release(ReservationChange command);

  /** Lowers the outstanding amount by what was repaid; at zero the reservation is REPAID. */
  Reservation repay(ReservationChange command);

  /**
   * Undoes the repayment keyed {@code command.reason()} (a direct debit returned after it settled):
   * what it applied is outstanding again, from now on, and a REPAID reservation is CONFIRMED again.
   * Idempotent by that key; a key never applied changes nothing.
   */
  Reservation reinstate(ReservationChange command);
}
