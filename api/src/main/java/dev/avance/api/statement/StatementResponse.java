package dev.avance.api.statement;

import dev.avance.workflows.loan.LoanStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * A borrower's account statement over [{@code from}, {@code to}] (Paris days, both included), read
 * from the books: each balance is the sum of the ledger's postings on the loans' accounts, so that
 * {@code closing} on today is what the ledger holds. Amounts in cents; a balance is what the
 * borrower owes.
 */
public record StatementResponse(
    String borrowerId,
    LocalDate from,
    LocalDate to,
    String currency,
    @Schema(description = "What the borrower owed at the start of `from`.") Balances opening,
    @Schema(description = "What the borrower owed at the end of `to`.") Balances closing,
    Totals totals,
    List<Loan> loans,
    @Schema(description = "Every posting on the loans' accounts in the period, oldest first.")
        List<Movement> movements) {

  /** Principal outstanding, interest billed and unpaid, penalties billed and unpaid. */
  public record Balances(long principal, long interest, long penalties) {
    Balances plus(Balances other) {
      return new Balances(
          principal + other.principal, interest + other.interest, penalties + other.penalties);
    }
  }

  /** What moved in the period: principal paid out and repaid, interest billed and paid. */
  public record Totals(
      long paidOut, long repaid, long interestBilled, long interestPaid, long penaltiesBilled) {}

  public record Loan(
      String id,
      @Schema(implementation = LoanStatus.class) String status,
      long amount,
      String invoiceNumber,
      LocalDate toPayAt,
      LocalDate toRepayAt,
      String reference,
      Balances opening,
      Balances closing) {}

  /** One entry of the books on one loan: how much it moved each of its balances. */
  public record Movement(
      LocalDate date,
      String loanId,
      @Schema(example = "PAYOUT_BOOKED") String entryKind,
      long principal,
      long interest,
      long penalties) {}
}
