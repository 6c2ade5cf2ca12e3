package dev.avance.workflows.borrower;

import java.time.Instant;

/**
 * Input of {@link BorrowerWorkflow}: a borrower to onboard for a platform. {@code policy} null
 * means {@link BorrowerPolicy#DEFAULT}; {@code carryOver} is set only by continue-as-new.
 */
public record OnboardBorrower(
    String borrowerId,
    String platformId,
    String identifier,
    IdentifierType identifierType,
    Country country,
    String name,
    Instant signedAt,
    String metadataJson,
    BorrowerPolicy policy,
    BorrowerSnapshot carryOver) {

  public OnboardBorrower withCarryOver(BorrowerSnapshot snapshot) {
    return new OnboardBorrower(
        borrowerId,
        platformId,
        identifier,
        identifierType,
        country,
        name,
        signedAt,
        metadataJson,
        policy,
        snapshot);
  }
}
