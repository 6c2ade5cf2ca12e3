package dev.avance.workflows.billing;

/** What a billing run did so far, carried over continue-as-new and returned at the end. */
public record BillingTotals(
    int billsGenerated,
    int linesGenerated,
    long billedCents,
    int billsIssued,
    int debitsInstructed,
    int billsPaid,
    int paymentsFailed,
    int loansClosed) {
  public static final BillingTotals ZERO = new BillingTotals(0, 0, 0, 0, 0, 0, 0, 0);

  BillingTotals generated(BillsGenerated g) {
    return new BillingTotals(
        billsGenerated + g.bills(),
        linesGenerated + g.lines(),
        billedCents + g.billedCents(),
        billsIssued,
        debitsInstructed,
        billsPaid,
        paymentsFailed,
        loansClosed);
  }

  BillingTotals issued(int bills, int debits) {
    return new BillingTotals(
        billsGenerated,
        linesGenerated,
        billedCents,
        billsIssued + bills,
        debitsInstructed + debits,
        billsPaid,
        paymentsFailed,
        loansClosed);
  }

  BillingTotals collected(PaymentsRecorded r) {
    return new BillingTotals(
        billsGenerated,
        linesGenerated,
        billedCents,
        billsIssued,
        debitsInstructed,
        billsPaid + r.billsPaid(),
        paymentsFailed + r.paymentsFailed(),
        loansClosed + r.loansClosed());
  }

  BillingTotals closed(int loans) {
    return new BillingTotals(
        billsGenerated,
        linesGenerated,
        billedCents,
        billsIssued,
        debitsInstructed,
        billsPaid,
        paymentsFailed,
        loansClosed + loans);
  }
}
