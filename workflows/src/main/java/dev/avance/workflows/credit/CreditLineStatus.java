package dev.avance.workflows.credit;

/** A credit line's status. */
public enum CreditLineStatus {
  ACTIVE,
  EXPIRED,
  BLOCKED
}
