package dev.avance.activities.borrower;

import dev.avance.activities.events.DomainEventRepository;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.registry.CompanyRegistry;
import dev.avance.workflows.borrower.ActiveLoans;
import dev.avance.workflows.borrower.BorrowerActivities;
import dev.avance.workflows.borrower.BorrowerRef;
import dev.avance.workflows.borrower.BorrowerRegistered;
import dev.avance.workflows.borrower.BorrowerStatus;
import dev.avance.workflows.borrower.CompanyProfile;
import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.borrower.LookUpCompany;
import dev.avance.workflows.borrower.OnboardBorrower;
import dev.avance.workflows.borrower.PaymentMethod;
import dev.avance.workflows.borrower.RecordBorrowerStatus;
import dev.avance.workflows.borrower.RecordEvent;
import dev.avance.workflows.borrower.RegisterBorrower;
import dev.avance.workflows.borrower.RepaymentMethodView;
import dev.avance.workflows.borrower.SaveFinancialData;
import dev.avance.workflows.borrower.SaveRepaymentMethod;
import dev.avance.workflows.borrower.ScoringData;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.rules.Iban;
import io.temporal.failure.ApplicationFailure;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class BorrowerActivitiesImpl implements BorrowerActivities {
  private final BorrowerRepository borrowers;
  private final RepaymentMethodRepository methods;
  private final FinancialDataRepository financialData;
  private final DomainEventRepository events;
  private final CompanyRegistry registry;
  private final LoanRepository loans;

  public BorrowerActivitiesImpl(
      BorrowerRepository borrowers,
      RepaymentMethodRepository methods,
      FinancialDataRepository financialData,
      DomainEventRepository events,
      CompanyRegistry registry,
      LoanRepository loans) {
    this.borrowers = borrowers;
    this.methods = methods;
    this.financialData = financialData;
    this.events = events;
    this.registry = registry;
    this.loans = loans;
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
            command.at(),
            null,
            null,
            null);
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
    borrowers.assignVirtualIbanIfMissing(stored.id(), Iban::frenchVirtualIban);
    return new BorrowerRegistered(
        stored.id(), BorrowerStatus.valueOf(stored.status()), stored.createdAt());
  }

  @Override
  public CompanyProfile lookUpCompany(LookUpCompany query) {
    // The borrower is registered before its look-up: its row names the platform asking, whose
    // sandbox may have set what the register says.
    return borrowers
        .platformOf(query.borrowerId())
        .map(
            platformId ->
                registry.lookUp(
                    platformId, query.country(), query.identifierType(), query.identifier()))
        .orElseGet(
            () -> registry.lookUp(query.country(), query.identifierType(), query.identifier()));
  }

  @Override
  @Transactional
  public Done recordStatus(RecordBorrowerStatus command) {
    CompanyProfile profile = command.profile();
    borrowers.updateStatus(
        command.borrowerId(),
        command.status().name(),
        command.statusReason(),
        command.signedAt(),
        profile == null ? null : profile.name(),
        profile == null ? null : profile.legalForm(),
        profile == null ? null : profile.createdOn(),
        command.at());
    boolean appended =
        events.append(
            command.platformId(),
            "borrower",
            command.borrowerId(),
            "borrower." + command.status(),
            command.eventKey(),
            command.at());
    return new Done(appended);
  }

  @Override
  public Done recordEvent(RecordEvent command) {
    return new Done(
        events.append(
            command.platformId(),
            command.entityType(),
            command.entityId(),
            command.eventType(),
            command.eventKey(),
            command.at()));
  }

  @Override
  @Transactional
  public RepaymentMethodView saveRepaymentMethod(SaveRepaymentMethod command) {
    var existing = methods.findById(command.methodId());
    if (existing.isPresent()) {
      return existing.get();
    }
    var m = command.method();
    // The guide's "wallet IBAN for us to debit": an SCT method with an account to collect from is
    // collected under a mandate too (business to business: the wallet is a company's), on the
    // due date, as a direct-debit method is.
    boolean mandated =
        m.paymentMethod() == PaymentMethod.DIRECT_DEBIT
            || (m.paymentMethod() == PaymentMethod.SCT && m.iban() != null);
    // The first method is the default whatever was asked: a borrower always has one.
    boolean isDefault = m.isDefault() || !methods.hasAny(command.borrowerId());
    RepaymentMethodView view =
        new RepaymentMethodView(
            command.methodId(),
            command.borrowerId(),
            m.paymentMethod(),
            "READY",
            isDefault,
            m.iban(),
            m.bic(),
            m.businessEmail(),
            m.representativeBirthDate(),
            m.representativeNationality(),
            m.representativeCountryOfResidence(),
            mandated ? mandateReference(command.methodId()) : null,
            mandated ? command.at() : null,
            m.applyToAllActiveLoans(),
            m.name(),
            command.at());
    if (isDefault) {
      methods.clearDefault(command.borrowerId(), command.methodId());
    }
    methods.insertIfAbsent(view, command.platformId());
    return methods.findById(command.methodId()).orElseThrow();
  }

  /** A SEPA mandate reference (at most 35 characters) unique because the method id is. */
  static String mandateReference(String methodId) {
    return "AVANCE-" + methodId.replace("-", "").substring(0, 24).toUpperCase(Locale.ROOT);
  }

  @Override
  public Done saveFinancialData(SaveFinancialData command) {
    financialData.insertIfAbsent(
        command.borrowerId(), command.platformId(), command.data(), command.at());
    return new Done(true);
  }

  @Override
  public ScoringData scoringData(BorrowerRef borrower) {
    FinancialDataRepository.Summary data = financialData.summary(borrower.borrowerId());
    LoanRepository.History history = loans.history(borrower.borrowerId());
    return new ScoringData(
        data.latestRevenueCents(),
        data.salesHistoryMonths(),
        data.accounting(),
        history.onTime(),
        history.late(),
        history.currentlyLate());
  }

  @Override
  public ActiveLoans activeLoans(BorrowerRef borrower) {
    return new ActiveLoans(loans.activeLoanIds(borrower.borrowerId()));
  }
}
