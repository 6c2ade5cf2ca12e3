package dev.avance.workflows.billing;

import java.time.Instant;

/**
 * Activity input: close every loan in TO_REPAY_FEES whose principal is repaid and whose interest is
 * all billed and paid.
 */
public record CloseSettledLoans(Instant at) {}
