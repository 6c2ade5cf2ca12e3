package dev.avance.workflows.loan;

/** Configurable rules of a loan, passed in because workflows read no configuration. */
public record LoanPolicy(int validationExpiryDays, int sddLeadBusinessDays, long perLoanCapCents) {
  public static final LoanPolicy DEFAULT = new LoanPolicy(7, 3, 20_000_000L);
}
