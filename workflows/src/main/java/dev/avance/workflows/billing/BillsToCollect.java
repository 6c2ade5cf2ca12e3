package dev.avance.workflows.billing;

import java.util.List;

/** A page of debited bills awaiting their outcome, with the page's cursor. */
public record BillsToCollect(List<InstructedDebit> bills, String lastBillId, boolean more) {}
