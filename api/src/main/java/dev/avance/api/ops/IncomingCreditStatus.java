package dev.avance.api.ops;

/** Where an incoming credit stands: being reconciled, repaying a loan, or parked for operators. */
public enum IncomingCreditStatus {
  RECEIVED,
  MATCHED,
  PARKED
}
