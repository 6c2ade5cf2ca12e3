package dev.avance.bank.iso20022;

/**
 * An account holder: the name (at most 70 characters in SEPA), the IBAN and the BIC (null when the
 * bank does not need it, as SEPA allows).
 */
public record Party(String name, String iban, String bic) {}
