package dev.avance.workflows.rules;

import java.time.LocalDate;

/**
 * The direct debit of a loan's repayment as planned: sent to the bank on {@code instructionDate},
 * collected on {@code collectionDate}; {@code shortNotice} when the lead time could no longer be
 * met before the due date, so the collection comes after it.
 */
public record PlannedDebit(
    LocalDate instructionDate, LocalDate collectionDate, boolean shortNotice) {}
