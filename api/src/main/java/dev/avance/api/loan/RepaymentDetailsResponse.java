package dev.avance.api.loan;

import java.time.LocalDate;

/** Where and how to repay a loan by transfer: the IBAN, the BIC, the reference to quote. */
public record RepaymentDetailsResponse(
    String loanId,
    String accountNumber,
    String bankIdentifier,
    String reference,
    long amountDue,
    String currency,
    LocalDate dueDate,
    String paymentMethod) {}
