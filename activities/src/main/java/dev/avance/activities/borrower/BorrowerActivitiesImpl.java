package dev.avance.activities.borrower;

import dev.avance.workflows.borrower.BorrowerActivities;
import dev.avance.workflows.borrower.BorrowerRegistered;
import dev.avance.workflows.borrower.OnboardBorrower;
import dev.avance.workflows.borrower.RegisterBorrower;
import dev.avance.workflows.common.FailureType;
import io.temporal.failure.ApplicationFailure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class BorrowerActivitiesImpl implements BorrowerActivities {
  private final BorrowerRepository borrowers;

  public BorrowerActivitiesImpl(BorrowerRepository borrowers) {
    this.borrowers = borrowers;
  }

  @Override
  @Transactional
  public BorrowerRegistered register(RegisterBorrower command) {
    OnboardBorrower b = command.borrower();
    BorrowerRow row =
        new BorrowerRow(
            b.borrowerId(),
            b.platformId(),
            b.identifier(),
            b.identifierType().name(),
            b.country().name(),
            b.name(),
            command.status().name(),
            null,
            b.signedAt(),
            b.metadataJson(),
            command.at(),
            command.at());
    boolean inserted = borrowers.insertIfAbsent(row);
    // Read back what is stored, so that a first attempt and a retry answer exactly the same.
    BorrowerRow stored = borrowers.findById(b.platformId(), b.borrowerId()).orElse(null);
    if (stored == null) {
      String other =
          borrowers
              .findIdByIdentifier(b.platformId(), b.country().name(), b.identifier())
              .orElse(null);
      if (inserted || other == null) {
        // Only a borrower id reused across platforms gets here; ids are generated server-side.
        throw ApplicationFailure.newNonRetryableFailure(
            "Borrower id " + b.borrowerId() + " is taken", FailureType.INVALID_STATE.type());
      }
      throw ApplicationFailure.newNonRetryableFailure(
          "The platform already onboarded this registration number",
          FailureType.DUPLICATE_IDENTIFIER.type(),
          other);
    }
    row = stored;
    return new BorrowerRegistered(
        row.id(),
        dev.avance.workflows.borrower.BorrowerStatus.valueOf(row.status()),
        row.createdAt());
  }
}
