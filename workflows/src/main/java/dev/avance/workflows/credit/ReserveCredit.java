package dev.avance.workflows.credit;

import java.time.Instant;

/** Activity input: hold {@code amountCents} of the borrower's line for one loan. */
public record ReserveCredit(
    String loanId, String borrowerId, String platformId, long amountCents, Instant at) {}
