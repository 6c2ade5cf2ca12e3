package dev.avance.workflows.billing;

import java.time.LocalDate;

/** A borrower's bill to collect by direct debit under the borrower's mandate. */
public record BillDebit(
    String billId,
    String platformId,
    String borrowerId,
    long amountCents,
    String iban,
    String bic,
    String mandateReference,
    LocalDate billDate) {}
