package dev.avance.workflows.borrower;

import java.time.LocalDate;

/**
 * Update input: a repayment method. DIRECT_DEBIT needs the account (IBAN, BIC) and the mandate
 * data; SCT may name a wallet IBAN for Avance to debit, else the borrower transfers to its virtual
 * IBAN.
 */
public record AddRepaymentMethod(
    String requestId,
    PaymentMethod paymentMethod,
    String iban,
    String bic,
    String businessEmail,
    LocalDate representativeBirthDate,
    String representativeNationality,
    String representativeCountryOfResidence,
    boolean isDefault,
    boolean applyToAllActiveLoans,
    String name) {}
