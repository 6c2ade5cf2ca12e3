package dev.avance.banksim;

/**
 * Where a payment stands at the simulated bank: RECEIVED (in a file not yet acknowledged) then
 * ACCEPTED (pain.002 ACCP) then SETTLED (booked, camt.054); or REJECTED (pain.002 RJCT, never
 * booked), CANCELLED (a camt.055 withdrew it before settlement) or RETURNED (a settled direct debit
 * reversed within the SEPA windows).
 */
public enum SimulatedStatus {
  RECEIVED,
  ACCEPTED,
  SETTLED,
  REJECTED,
  CANCELLED,
  RETURNED
}
