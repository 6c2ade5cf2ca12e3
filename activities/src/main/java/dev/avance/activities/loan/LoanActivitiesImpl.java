package dev.avance.activities.loan;

import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.borrower.BorrowerRow;
import dev.avance.activities.borrower.RepaymentMethodRepository;
import dev.avance.activities.credit.CreditLineRepository;
import dev.avance.activities.events.DomainEventRepository;
import dev.avance.activities.terms.TermsCatalogue;
import dev.avance.activities.terms.TermsRepository;
import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.borrower.RepaymentMethodView;
import dev.avance.workflows.credit.CreditLineView;
import dev.avance.workflows.loan.AssessLoan;
import dev.avance.workflows.loan.LoanActivities;
import dev.avance.workflows.loan.LoanAssessment;
import dev.avance.workflows.loan.LoanEvent;
import dev.avance.workflows.loan.LoanStatusChange;
import dev.avance.workflows.loan.LoanStatusChanges;
import dev.avance.workflows.loan.RegisterLoan;
import dev.avance.workflows.loan.RepaymentSetup;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class LoanActivitiesImpl implements LoanActivities {
  private final LoanRepository loans;
  private final BorrowerRepository borrowers;
  private final RepaymentMethodRepository methods;
  private final CreditLineRepository creditLines;
  private final DomainEventRepository events;
  private final TermsRepository terms;
  private final TermsCatalogue catalogue;

  public LoanActivitiesImpl(
      LoanRepository loans,
      BorrowerRepository borrowers,
      RepaymentMethodRepository methods,
      CreditLineRepository creditLines,
      DomainEventRepository events,
      TermsRepository terms,
      TermsCatalogue catalogue) {
    this.terms = terms;
    this.catalogue = catalogue;
    this.loans = loans;
    this.borrowers = borrowers;
    this.methods = methods;
    this.creditLines = creditLines;
    this.events = events;
  }

  @Override
  @Transactional
  public Done register(RegisterLoan command) {
    boolean inserted =
        loans.insertIfAbsent(command.request(), command.remittanceReference(), command.at());
    if (inserted) {
      events.append(
          command.request().platformId(),
          "loan",
          command.request().loanId(),
          LoanEvent.SUBMITTED.code(),
          command.request().loanId() + ":0",
          command.at());
    }
    return new Done(inserted);
  }

  @Override
  public LoanAssessment assess(AssessLoan query) {
    BorrowerRow borrower = borrowers.findById(query.platformId(), query.borrowerId()).orElse(null);
    CreditLineView line =
        creditLines.findByBorrower(query.platformId(), query.borrowerId()).orElse(null);
    RepaymentMethodView method =
        methods.findByBorrower(query.platformId(), query.borrowerId()).stream()
            .filter(RepaymentMethodView::isDefault)
            .findFirst()
            .orElse(null);
    String virtualIban = borrower == null ? null : borrower.virtualIban();
    // Without a method, the borrower repays by transfer to its virtual IBAN; an SCT method with
    // a wallet to debit is collected from it under its mandate.
    RepaymentSetup repayment =
        method == null
            ? new RepaymentSetup("SCT", null, null, null, virtualIban)
            : new RepaymentSetup(
                method.paymentMethod().name(),
                method.mandateReference(),
                method.mandateReference() == null ? null : method.iban(),
                method.mandateReference() == null ? null : method.bic(),
                virtualIban);
    return new LoanAssessment(
        borrower == null ? "UNKNOWN" : borrower.status(),
        line == null ? null : line.status().name(),
        loans.borrowerHasLateLoan(query.borrowerId()),
        loans.invoiceFinancedByAnother(
            query.platformId(), query.borrowerId(), query.invoiceNumber(), query.loanId()),
        repayment,
        borrower != null
            && borrower.signedAt() != null
            && terms
                .acceptedVersion(borrower.id(), borrower.signedAt(), catalogue)
                .map(v -> !v.equals(catalogue.current()))
                .orElse(false));
  }

  @Override
  @Transactional
  public Done recordStatuses(LoanStatusChanges batch) {
    boolean changed = false;
    for (LoanStatusChange change : batch.changes()) {
      changed |= recordStatus(change).changed();
    }
    return new Done(changed);
  }

  @Override
  @Transactional
  public Done recordStatus(LoanStatusChange change) {
    loans.updateStatus(change);
    return new Done(
        events.append(
            change.platformId(),
            "loan",
            change.loanId(),
            change.eventType(),
            change.eventKey(),
            change.at()));
  }
}
