package dev.avance.workflows.loan;

/** A bank account: IBAN and BIC. */
public record BankAccount(String iban, String bic) {}
