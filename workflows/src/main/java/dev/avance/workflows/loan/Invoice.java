package dev.avance.workflows.loan;

import java.time.LocalDate;

/** The invoice a loan finances. */
public record Invoice(
    String number,
    long amountCents,
    LocalDate issueDate,
    LocalDate dueDate,
    String debtorName,
    String debtorIdentifier) {}
