package dev.avance.workflows.loan;

/**
 * Configurable rules of a loan, passed in because workflows read no configuration.
 *
 * @param debitReturnWindowDays how long after a direct debit settled the loan still watches for its
 *     return (a SEPA CORE debtor may ask a refund for 8 weeks); 0 in loans started before the
 *     window existed, which never wait for one
 * @param delinquencyDays the days past due of each delinquency stage; null in loans started before
 *     the stages existed, and read as {@link DelinquencyDays#DEFAULT}
 * @param continueAsNewAfterEvents a history length past which a paid-out loan continues as new even
 *     before Temporal suggests it (tests force it so); 0 waits for the suggestion only
 */
public record LoanPolicy(
    int validationExpiryDays,
    int sddLeadBusinessDays,
    long perLoanCapCents,
    int debitReturnWindowDays,
    DelinquencyDays delinquencyDays,
    int continueAsNewAfterEvents) {
  /** Eight weeks: the SEPA CORE refund right of an authorised debit. */
  public static final int CORE_RETURN_WINDOW_DAYS = 56;

  public static final LoanPolicy DEFAULT =
      new LoanPolicy(7, 3, 20_000_000L, CORE_RETURN_WINDOW_DAYS, DelinquencyDays.DEFAULT);

  public LoanPolicy(
      int validationExpiryDays,
      int sddLeadBusinessDays,
      long perLoanCapCents,
      int debitReturnWindowDays,
      DelinquencyDays delinquencyDays) {
    this(
        validationExpiryDays,
        sddLeadBusinessDays,
        perLoanCapCents,
        debitReturnWindowDays,
        delinquencyDays,
        0);
  }

  public LoanPolicy(
      int validationExpiryDays,
      int sddLeadBusinessDays,
      long perLoanCapCents,
      int debitReturnWindowDays) {
    this(
        validationExpiryDays,
        sddLeadBusinessDays,
        perLoanCapCents,
        debitReturnWindowDays,
        DelinquencyDays.DEFAULT);
  }

  /** The stages' days, the defaults for a loan started before they were configurable. */
  public DelinquencyDays delinquency() {
    return delinquencyDays == null ? DelinquencyDays.DEFAULT : delinquencyDays;
  }
}
