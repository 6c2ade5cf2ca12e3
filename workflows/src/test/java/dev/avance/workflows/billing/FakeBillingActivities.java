package dev.avance.workflows.billing;

import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.payment.PaymentStatus;
import io.temporal.failure.ApplicationFailure;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bills in memory, with the real activities' idempotency: a period is generated once, bills
 * move forward only, and a call can be made to fail once to play a crash in the middle of a run.
 */
class FakeBillingActivities implements BillingActivities {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /**
   * A bill to generate: its payer and total; a borrower's bill is debited when it has a mandate.
   */
  record Template(
      String id, PayerType payerType, String payerId, long totalCents, boolean mandate) {}

  static final class Bill {
    final Template template;
    BillStatus status = BillStatus.GENERATED;
    String paymentId;
    String paymentStatus;
    LocalDate billDate;
    int issued;

    Bill(Template template) {
      this.template = template;
    }
  }

  final Map<String, Bill> bills = new TreeMap<>();
  final List<Template> templates = new ArrayList<>();
  final Set<YearMonth> generated = new HashSet<>();
  final List<String> calls = new ArrayList<>();

  /** Fails the issue call with this 1-based number, once. */
  int failIssueCall = -1;

  private int issueCalls;

  void bill(String id, PayerType type, long totalCents, boolean mandate) {
    templates.add(
        new Template(
            id,
            type,
            type == PayerType.BORROWER ? "borrower-" + id : "platform-1",
            totalCents,
            mandate));
  }

  synchronized BillStatus status(String id) {
    return bills.get(id).status;
  }

  @Override
  public synchronized BillsGenerated generate(GenerateBills command) {
    calls.add("generate " + command.period());
    if (!generated.add(command.period())) {
      return new BillsGenerated(0, 0, 0);
    }
    long cents = 0;
    for (Template t : templates) {
      Bill bill = new Bill(t);
      bill.billDate = LocalDate.ofInstant(command.at(), PARIS);
      bills.put(t.id(), bill);
      cents += t.totalCents();
    }
    return new BillsGenerated(templates.size(), templates.size() * 3, cents);
  }

  @Override
  public synchronized IssuedBills issue(IssueBills command) {
    calls.add("issue after " + command.afterBillId());
    if (++issueCalls == failIssueCall) {
      throw ApplicationFailure.newNonRetryableFailure("the database is gone", "Crash");
    }
    List<Bill> page =
        bills.values().stream()
            .filter(b -> b.status == BillStatus.GENERATED || b.status == BillStatus.VALIDATED)
            .filter(
                b ->
                    command.afterBillId() == null
                        || b.template.id().compareTo(command.afterBillId()) > 0)
            .limit(command.limit() + 1L)
            .toList();
    boolean more = page.size() > command.limit();
    List<Bill> issued = more ? page.subList(0, command.limit()) : page;
    List<BillDebit> debits = new ArrayList<>();
    for (Bill bill : issued) {
      bill.issued++;
      Template t = bill.template;
      if (t.payerType() == PayerType.BORROWER && t.mandate()) {
        bill.status = BillStatus.VALIDATED;
        debits.add(
            new BillDebit(
                t.id(),
                "platform-1",
                t.payerId(),
                t.totalCents(),
                "FR1420041010050500013M02606",
                "PSSTFRPPPAR",
                "MANDATE-" + t.payerId(),
                bill.billDate));
      } else {
        bill.status = BillStatus.TO_PAY;
      }
    }
    return new IssuedBills(
        issued.size(),
        debits,
        issued.isEmpty() ? command.afterBillId() : issued.get(issued.size() - 1).template.id(),
        more);
  }

  @Override
  public synchronized Done debitsInstructed(DebitsInstructed command) {
    calls.add("debitsInstructed " + command.debits().size());
    for (InstructedDebit debit : command.debits()) {
      Bill bill = bills.get(debit.billId());
      if (bill.status == BillStatus.VALIDATED) {
        bill.status = BillStatus.TO_PAY;
        bill.paymentId = debit.paymentId();
      }
    }
    return new Done(true);
  }

  @Override
  public synchronized BillsToCollect toCollect(CollectPage query) {
    calls.add("toCollect after " + query.afterBillId());
    List<Bill> page =
        bills.values().stream()
            .filter(
                b ->
                    b.status == BillStatus.TO_PAY && b.paymentId != null && b.paymentStatus == null)
            .filter(
                b ->
                    query.afterBillId() == null
                        || b.template.id().compareTo(query.afterBillId()) > 0)
            .limit(query.limit() + 1L)
            .toList();
    boolean more = page.size() > query.limit();
    List<Bill> shown = more ? page.subList(0, query.limit()) : page;
    return new BillsToCollect(
        shown.stream().map(b -> new InstructedDebit(b.template.id(), b.paymentId)).toList(),
        shown.isEmpty() ? query.afterBillId() : shown.get(shown.size() - 1).template.id(),
        more);
  }

  @Override
  public synchronized PaymentsRecorded recordPayments(RecordPayments command) {
    calls.add("recordPayments " + command.payments().size());
    int paid = 0;
    int failed = 0;
    for (BillPayment payment : command.payments()) {
      Bill bill = bills.get(payment.billId());
      if (bill.paymentStatus != null || payment.status() == PaymentStatus.INSTRUCTED) {
        continue;
      }
      bill.paymentStatus = payment.status().name();
      if (payment.status() == PaymentStatus.PAID) {
        bill.status = BillStatus.PAID;
        paid++;
      } else {
        failed++;
      }
    }
    // One loan per paid bill in this fake.
    return new PaymentsRecorded(paid, failed, paid);
  }

  @Override
  public synchronized LoansClosed closeSettledLoans(CloseSettledLoans command) {
    calls.add("closeSettledLoans");
    return new LoansClosed(0);
  }
}
