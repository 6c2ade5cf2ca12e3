package dev.avance.workflows.loan;

import java.util.List;

/**
 * Activity input: the status changes a loan made since it last waited, written in order in one
 * transaction; each is applied once per its {@code eventKey}.
 */
public record LoanStatusChanges(List<LoanStatusChange> changes) {}
