package dev.avance.workflows.borrower;

import dev.avance.workflows.credit.CreditLineView;
import java.time.Instant;

/** The live state of a borrower's workflow, as its query and updates return it. */
public record BorrowerState(
    String borrowerId,
    String platformId,
    BorrowerStatus status,
    String statusReason,
    boolean registered,
    String duplicateOf,
    Instant signedAt,
    CreditLineView creditLine) {}
