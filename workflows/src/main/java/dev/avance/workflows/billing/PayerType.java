package dev.avance.workflows.billing;

/**
 * Who pays a bill: the borrower when Avance collects the loans' repayments by direct debit, else
 * the platform (overridable per platform with {@code platforms.fees_payer}).
 */
public enum PayerType {
  BORROWER,
  PLATFORM
}
