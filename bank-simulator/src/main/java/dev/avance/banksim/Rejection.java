package dev.avance.banksim;

/** What {@link BankSimulator#reject} did. */
public enum Rejection {
  /** The payment had reached the bank and is rejected now (pain.002 RJCT). */
  REJECTED_NOW,
  /** The payment has not reached the bank: it will be rejected when it arrives. */
  WHEN_RECEIVED
}
