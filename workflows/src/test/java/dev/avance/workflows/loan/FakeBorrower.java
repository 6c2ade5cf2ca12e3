package dev.avance.workflows.loan;

import dev.avance.workflows.borrower.AddRepaymentMethod;
import dev.avance.workflows.borrower.AwaitRegistration;
import dev.avance.workflows.borrower.BorrowerState;
import dev.avance.workflows.borrower.BorrowerWorkflow;
import dev.avance.workflows.borrower.LoanLateness;
import dev.avance.workflows.borrower.OnboardBorrower;
import dev.avance.workflows.borrower.OnboardingResult;
import dev.avance.workflows.borrower.RepaymentMethodView;
import dev.avance.workflows.borrower.SignTerms;
import dev.avance.workflows.borrower.SubmitFinancialData;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A borrower's workflow that only keeps the lateness its loans tell it of, so that a loan test can
 * see whether the borrower's credit line would have been blocked and unblocked.
 */
public class FakeBorrower implements BorrowerWorkflow {
  static final List<LoanLateness> told = new CopyOnWriteArrayList<>();

  @Override
  public OnboardingResult run(OnboardBorrower input) {
    Workflow.await(() -> false);
    return null;
  }

  @Override
  public void loanLateness(LoanLateness lateness) {
    told.add(lateness);
  }

  @Override
  public BorrowerState awaitRegistration(AwaitRegistration request) {
    return null;
  }

  @Override
  public void validateAwaitRegistration(AwaitRegistration request) {}

  @Override
  public BorrowerState sign(SignTerms request) {
    return null;
  }

  @Override
  public void validateSign(SignTerms request) {}

  @Override
  public RepaymentMethodView addRepaymentMethod(AddRepaymentMethod request) {
    return null;
  }

  @Override
  public void validateAddRepaymentMethod(AddRepaymentMethod request) {}

  @Override
  public BorrowerState submitFinancialData(SubmitFinancialData request) {
    return null;
  }

  @Override
  public void validateSubmitFinancialData(SubmitFinancialData request) {}

  @Override
  public BorrowerState state() {
    return null;
  }
}
