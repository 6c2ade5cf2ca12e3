package dev.avance.activities.ledger;

/** Why an operator wrote a loan off. */
public enum WriteOffReason {
  DEFAULTED,
  FRAUD,
  SETTLED_FOR_LESS,
  OTHER
}
