package dev.avance.activities.billing;

import dev.avance.activities.ledger.LedgerFacts;
import dev.avance.workflows.billing.BillStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bill paid by transfer (a platform's, or a borrower's without a mandate); an operator records
 * it. The bill becomes PAID and the loans it settles leave TO_REPAY_FEES for CLOSED, in one
 * transaction. A bill with a direct debit is never recorded this way: the bank's outcome settles
 * it.
 */
@Component
public class BillTransferPayments {
  private final BillRepository bills;
  private final LedgerFacts books;
  private final Clock clock;

  public BillTransferPayments(BillRepository bills, LedgerFacts books, Clock clock) {
    this.bills = bills;
    this.books = books;
    this.clock = clock;
  }

  /** The bill after the payment, and how many loans it closed (0 when recorded before). */
  public record Recorded(BillRow bill, int loansClosed) {}

  /** The bill cannot be paid this way: collected by direct debit, or not issued yet. */
  public static class NotPayable extends RuntimeException {
    public NotPayable(String message) {
      super(message);
    }
  }

  /**
   * Records the payment, once: a bill already PAID is returned as it is. Empty if there is no such
   * bill. NotPayable is thrown before anything is written and leaves the caller's transaction able
   * to commit: a credit that cannot pay the bill is parked in it.
   */
  @Transactional(noRollbackFor = NotPayable.class)
  public Optional<Recorded> record(String billId, Instant paidAt) {
    return record(billId, paidAt, null);
  }

  /**
   * As {@link #record(String, Instant)}, for a bill paid by the credit {@code creditReference}
   * (null: an operator's record, with no bank booking behind it), which the books take it from.
   */
  @Transactional(noRollbackFor = NotPayable.class)
  public Optional<Recorded> record(String billId, Instant paidAt, String creditReference) {
    Optional<BillRow> found = bills.findForOperators(billId, true);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BillRow bill = found.get();
    if (bill.paymentId() != null && !debitFailed(bill)) {
      throw new NotPayable("bill " + billId + " is collected by direct debit " + bill.paymentId());
    }
    if (bill.status() == BillStatus.PAID) {
      return Optional.of(new Recorded(bill, 0));
    }
    if (bill.status() != BillStatus.TO_PAY) {
      throw new NotPayable("bill " + billId + " is " + bill.status() + ", not issued yet");
    }
    Instant now = clock.instant();
    if (!bills.recordTransferPayment(billId, paidAt == null ? now : paidAt, now)) {
      throw new NotPayable("bill " + billId + " is not payable by transfer now");
    }
    Instant paid = paidAt == null ? now : paidAt;
    if (creditReference == null) {
      books.billPaidByOperator(billId, paid);
    } else {
      books.billPaidByCredit(billId, creditReference, paid);
    }
    int closed = bills.closeSettledLoans(List.of(billId), now);
    return Optional.of(new Recorded(bills.findForOperators(billId, false).orElseThrow(), closed));
  }

  /** A bill whose debit was rejected, returned or withdrawn stays payable by transfer. */
  private static boolean debitFailed(BillRow bill) {
    return "RETURNED".equals(bill.paymentStatus())
        || "FAILED".equals(bill.paymentStatus())
        || "CANCELED".equals(bill.paymentStatus());
  }
}
