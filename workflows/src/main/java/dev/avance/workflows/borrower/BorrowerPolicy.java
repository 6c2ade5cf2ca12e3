package dev.avance.workflows.borrower;

/**
 * Configurable limits the borrower's workflow applies, passed in because workflows read no config.
 */
public record BorrowerPolicy(long lineCapCents, int creditLineValidityDays) {
  public static final BorrowerPolicy DEFAULT = new BorrowerPolicy(50_000_000L, 365);
}
