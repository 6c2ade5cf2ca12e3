package dev.avance.workflows.borrower;

import dev.avance.workflows.common.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what the workflow asked for; can fail transiently or refuse as a duplicate. */
class FakeBorrowerActivities implements BorrowerActivities {
  static final CompanyProfile ELIGIBLE =
      new CompanyProfile(
          true, "Acme", "SAS", true, LocalDate.of(2015, 3, 1), 100_000_000L, false, false);

  final List<RegisterBorrower> calls = new CopyOnWriteArrayList<>();
  final List<RecordBorrowerStatus> statuses = new CopyOnWriteArrayList<>();
  final List<RecordEvent> events = new CopyOnWriteArrayList<>();
  final List<SaveRepaymentMethod> methods = new CopyOnWriteArrayList<>();
  final Map<String, SubmitFinancialData> financialData = new ConcurrentHashMap<>();
  final AtomicInteger transientFailuresLeft = new AtomicInteger();
  volatile String duplicateOf;
  volatile CompanyProfile profile = ELIGIBLE;

  @Override
  public BorrowerRegistered register(RegisterBorrower command) {
    calls.add(command);
    if (transientFailuresLeft.getAndDecrement() > 0) {
      throw new IllegalStateException("database unavailable");
    }
    if (duplicateOf != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "duplicate", FailureType.DUPLICATE_IDENTIFIER.type(), duplicateOf);
    }
    return new BorrowerRegistered(command.borrower().borrowerId(), command.status(), command.at());
  }

  @Override
  public CompanyProfile lookUpCompany(LookUpCompany query) {
    return profile;
  }

  @Override
  public Done recordStatus(RecordBorrowerStatus command) {
    statuses.add(command);
    return new Done(true);
  }

  @Override
  public Done recordEvent(RecordEvent command) {
    events.add(command);
    return new Done(true);
  }

  @Override
  public RepaymentMethodView saveRepaymentMethod(SaveRepaymentMethod command) {
    methods.add(command);
    AddRepaymentMethod m = command.method();
    return new RepaymentMethodView(
        command.methodId(),
        command.borrowerId(),
        m.paymentMethod(),
        "READY",
        true,
        m.iban(),
        m.bic(),
        m.businessEmail(),
        m.representativeBirthDate(),
        m.representativeNationality(),
        m.representativeCountryOfResidence(),
        "AVANCE-TEST",
        command.at(),
        m.applyToAllActiveLoans(),
        m.name(),
        command.at());
  }

  @Override
  public Done saveFinancialData(SaveFinancialData command) {
    financialData.put(command.data().requestId(), command.data());
    return new Done(true);
  }

  @Override
  public ActiveLoans activeLoans(BorrowerRef borrower) {
    return new ActiveLoans(List.of());
  }

  @Override
  public ScoringData scoringData(BorrowerRef borrower) {
    Long revenue = null;
    boolean accounting = false;
    for (SubmitFinancialData d : financialData.values()) {
      if (d.annualRevenueCents() != null) {
        revenue = d.annualRevenueCents();
      }
      accounting |= Boolean.TRUE.equals(d.accountingDataProvided());
    }
    return new ScoringData(revenue, 0, accounting, 0, 0, false);
  }
}
