package dev.avance.activities.loan;

import java.time.Instant;
import java.time.LocalDate;

/** A loan as the read model holds it. */
public record LoanRow(
    String id,
    String platformId,
    String borrowerId,
    String saltId,
    String requestHash,
    String status,
    String denialReason,
    long amountCents,
    long outstandingPrincipalCents,
    String invoiceNumber,
    long invoiceAmountCents,
    LocalDate invoiceIssueDate,
    LocalDate invoiceDueDate,
    String debtorName,
    String debtorIdentifier,
    String toAccountIban,
    String loanToIban,
    String loanToBic,
    LocalDate toPayAt,
    LocalDate toRepayAt,
    LocalDate requestedToRepayAt,
    Instant paidAt,
    Instant repaidAt,
    boolean late,
    boolean postponed,
    boolean autoValidate,
    String remittanceReference,
    String repaymentMethod,
    String metadataJson,
    Instant createdAt,
    Instant updatedAt,
    String delinquencyStage) {}
