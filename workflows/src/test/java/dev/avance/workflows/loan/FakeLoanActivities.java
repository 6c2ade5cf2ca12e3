package dev.avance.workflows.loan;

import dev.avance.workflows.borrower.Done;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The read model in memory: what the loan workflow recorded, and a configurable assessment. */
class FakeLoanActivities implements LoanActivities {
  static final RepaymentSetup SDD =
      new RepaymentSetup(
          "DIRECT_DEBIT", "AVANCE-MANDATE", "FR1420041010050500013M02606", "PSSTFRPPPAR", "FR76V");
  static final RepaymentSetup SCT = new RepaymentSetup("SCT", null, null, null, "FR76V");

  final List<RegisterLoan> registered = new CopyOnWriteArrayList<>();
  final List<LoanStatusChange> changes = new CopyOnWriteArrayList<>();
  final List<Integer> batches = new CopyOnWriteArrayList<>();
  volatile LoanAssessment assessment = new LoanAssessment("READY", "ACTIVE", false, false, SDD);

  @Override
  public Done register(RegisterLoan command) {
    registered.add(command);
    return new Done(true);
  }

  @Override
  public LoanAssessment assess(AssessLoan query) {
    return assessment;
  }

  @Override
  public Done recordStatus(LoanStatusChange change) {
    changes.add(change);
    return new Done(true);
  }

  @Override
  public Done recordStatuses(LoanStatusChanges batch) {
    changes.addAll(batch.changes());
    batches.add(batch.changes().size());
    return new Done(true);
  }

  List<String> eventTypes() {
    return changes.stream().map(LoanStatusChange::eventType).toList();
  }
}
