package dev.avance.api.ops;

/**
 * Where an incoming credit stands: being reconciled, repaying a loan or a bill, parked for
 * operators, or paid back to its sender.
 */
public enum IncomingCreditStatus {
  RECEIVED,
  MATCHED,
  PARKED,
  REFUNDED
}
