package dev.avance.workflows.document;

import java.time.Instant;

/**
 * The contract of a loan just VALIDATED; {@code validatedAt} dates the contract, so that a retry
 * renders the same document.
 */
public record IssueContract(
    String loanId, String platformId, String borrowerId, Instant validatedAt) {}
