package dev.avance.workflows.borrower;

/** Activity input: ask the company registry about a registration number. */
public record LookUpCompany(
    String borrowerId, Country country, IdentifierType identifierType, String identifier) {}
