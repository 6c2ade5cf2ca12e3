package dev.avance.workflows.borrower;

/** The live state of a borrower's workflow, as its query and updates return it. */
public record BorrowerState(
    String borrowerId,
    String platformId,
    BorrowerStatus status,
    String statusReason,
    boolean registered,
    String duplicateOf) {

  static BorrowerState submitted(OnboardBorrower input) {
    return new BorrowerState(
        input.borrowerId(), input.platformId(), BorrowerStatus.SUBMITTED, null, false, null);
  }

  BorrowerState registeredAs(BorrowerStatus newStatus) {
    return new BorrowerState(borrowerId, platformId, newStatus, null, true, null);
  }

  BorrowerState duplicateOf(String existingBorrowerId) {
    return new BorrowerState(
        borrowerId,
        platformId,
        BorrowerStatus.REFUSED,
        "DUPLICATE_IDENTIFIER",
        false,
        existingBorrowerId);
  }

  boolean settled() {
    return registered || duplicateOf != null;
  }
}
