package dev.avance.workflows.borrower;

import dev.avance.workflows.credit.CreditLineView;
import java.time.Instant;
import java.util.List;

/** What a borrower's workflow carries into its next run when it continues as new. */
public record BorrowerSnapshot(
    BorrowerStatus status,
    String statusReason,
    Instant signedAt,
    CompanyProfile profile,
    CreditLineView creditLine,
    int eventSequence,
    List<String> lateLoans) {}
