package dev.avance.workflows.billing;

import java.util.List;

/**
 * One page of issued bills: how many, the debits to instruct (borrowers' bills), the last bill id
 * of the page (the next page's cursor) and whether more bills may follow.
 */
public record IssuedBills(int issued, List<BillDebit> debits, String lastBillId, boolean more) {}
