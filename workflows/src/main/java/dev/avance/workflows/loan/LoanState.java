package dev.avance.workflows.loan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The live state of a loan, as its query and updates return it. {@code denialReason} was a string
 * before; the payloads recorded then hold the constant's name, which reads back as the same
 * constant.
 */
public record LoanState(
    String loanId,
    String platformId,
    String borrowerId,
    LoanStatus status,
    DenialReason denialReason,
    long amountCents,
    long outstandingPrincipalCents,
    LocalDate toPayAt,
    LocalDate toRepayAt,
    Instant paidAt,
    boolean late,
    boolean postponed,
    boolean debitInstructed,
    String repaymentMethod,
    String remittanceReference) {}
