package dev.avance.workflows.billing;

/**
 * Configurable rules of a billing run, passed in because workflows read no configuration.
 *
 * @param pageSize bills handled per page (one activity lists a page, its debits go out together)
 * @param maxPagesPerRun pages a run handles before it continues as new, on top of the server's own
 *     suggestion; keeps the history short whatever the number of payers
 * @param collectionLeadBusinessDays a borrower's bill is collected this many TARGET business days
 *     after the bill date
 */
public record BillingPolicy(int pageSize, int maxPagesPerRun, int collectionLeadBusinessDays) {
  public static final BillingPolicy DEFAULT = new BillingPolicy(100, 20, 3);
}
