package dev.avance.workflows.loan;

import java.time.LocalDate;

/**
 * Input of {@link LoanWorkflow}: a loan request as the platform sent it. {@code requestHash}
 * fingerprints the body, so that a retry with the same {@code saltId} and another body is told
 * apart from a plain retry.
 */
public record RequestLoan(
    String loanId,
    String platformId,
    String borrowerId,
    String saltId,
    String requestHash,
    long amountCents,
    Invoice invoice,
    String toAccountIban,
    BankAccount loanTo,
    LocalDate toPayAt,
    LocalDate toRepayAt,
    boolean autoValidate,
    String metadataJson,
    LoanPolicy policy) {}
