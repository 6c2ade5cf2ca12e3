package dev.avance.api.ops;

/**
 * Who pays a platform's loans' interest: AUTO (the borrower when it repays by direct debit, else
 * the platform), PLATFORM, or BORROWER.
 */
public enum FeesPayer {
  AUTO,
  PLATFORM,
  BORROWER
}
