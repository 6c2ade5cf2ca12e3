package dev.avance.workflows.billing;

import java.time.Instant;
import java.util.List;

/**
 * Activity input: record the debits' outcomes. A paid bill is PAID and closes the loans it settles;
 * a returned or failed debit leaves the bill TO_PAY (a debit is not presented again).
 */
public record RecordPayments(List<BillPayment> payments, Instant at) {}
