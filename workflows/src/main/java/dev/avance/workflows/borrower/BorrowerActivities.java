package dev.avance.workflows.borrower;

import io.temporal.activity.ActivityInterface;

/** Side effects of a borrower's life: the read model, the company registry, domain events. */
@ActivityInterface
public interface BorrowerActivities {

  /**
   * Records the borrower; a retry returns the same row. Fails with {@code DUPLICATE_IDENTIFIER}
   * (details: the existing borrower id) when the platform already has this registration number.
   */
  BorrowerRegistered register(RegisterBorrower command);

  CompanyProfile lookUpCompany(LookUpCompany query);

  Done recordStatus(RecordBorrowerStatus command);

  Done recordEvent(RecordEvent command);

  RepaymentMethodView saveRepaymentMethod(SaveRepaymentMethod command);

  Done saveFinancialData(SaveFinancialData command);

  ScoringData scoringData(BorrowerRef borrower);

  ActiveLoans activeLoans(BorrowerRef borrower);
}
