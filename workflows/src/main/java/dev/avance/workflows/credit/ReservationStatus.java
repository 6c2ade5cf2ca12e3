package dev.avance.workflows.credit;

/**
 * A loan's hold on its borrower's credit line: PENDING counts as pending until the payout,
 * CONFIRMED counts as outstanding until repaid, RELEASED and REPAID count for nothing.
 */
public enum ReservationStatus {
  PENDING,
  CONFIRMED,
  RELEASED,
  REPAID
}
