package dev.avance.workflows.borrower;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Side effects of a borrower's onboarding. */
@ActivityInterface
public interface BorrowerActivities {

  /**
   * Records the borrower; a retry returns the same row. Fails with {@code DUPLICATE_IDENTIFIER}
   * (details: the existing borrower id) when the platform already has this registration number.
   */
  @ActivityMethod
  BorrowerRegistered register(RegisterBorrower command);
}
