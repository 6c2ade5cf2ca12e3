package dev.avance.workflows.loan;

import java.time.LocalDate;

/**
 * Input of {@link LoanWorkflow}: a loan request as the platform sent it. {@code requestHash}
 * fingerprints the body, so that a retry with the same {@code saltId} and another body is told
 * apart from a plain retry. {@code carried} is null on a loan's first run, and the state to go on
 * from on a run it continued as new.
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
    LoanPolicy policy,
    LoanCarryOver carried) {

  public RequestLoan(
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
      LoanPolicy policy) {
    this(
        loanId,
        platformId,
        borrowerId,
        saltId,
        requestHash,
        amountCents,
        invoice,
        toAccountIban,
        loanTo,
        toPayAt,
        toRepayAt,
        autoValidate,
        metadataJson,
        policy,
        null);
  }

  /** This request with the state its next run goes on from. */
  public RequestLoan carrying(LoanCarryOver state) {
    return new RequestLoan(
        loanId,
        platformId,
        borrowerId,
        saltId,
        requestHash,
        amountCents,
        invoice,
        toAccountIban,
        loanTo,
        toPayAt,
        toRepayAt,
        autoValidate,
        metadataJson,
        policy,
        state);
  }
}
