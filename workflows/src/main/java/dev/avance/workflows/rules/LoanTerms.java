package dev.avance.workflows.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The terms a loan request and a change of its repayment date must respect; each check returns the
 * denial reason code, or empty when the terms are fine.
 */
public final class LoanTerms {
  /** The repayment date is outside 1 to {@link #MAX_DAYS} days after the payout day. */
  public static final String EXCESSIVE_DURATION = "EXCESSIVE_DURATION_LOAN_REQUEST";

  /** The amount is more than the invoice it finances. */
  public static final String AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT =
      "AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT";

  /** The amount is more than a single loan to this borrower may be. */
  public static final String MAX_AMOUNT_EXCEEDED_BORROWER = "MAX_AMOUNT_EXCEEDED_BORROWER";

  /** The amount is zero or negative. */
  public static final String INVALID_AMOUNT = "INVALID_AMOUNT";

  /** The repayment date was already pushed back once. */
  public static final String POSTPONEMENT_ALREADY_USED = "POSTPONEMENT_ALREADY_USED";

  /** The smallest loan, in cents: any positive amount is a loan. */
  public static final long MIN_AMOUNT_CENTS = 1;

  /** The shortest loan, in calendar days from the payout day to the repayment day. */
  public static final int MIN_DAYS = 1;

  /** The longest loan, in calendar days from the payout day to the repayment day. */
  public static final int MAX_DAYS = 120;

  private LoanTerms() {}

  /**
   * {@link #EXCESSIVE_DURATION} unless {@code toRepayAt} is {@link #MIN_DAYS} to {@link #MAX_DAYS}
   * days (both included) after {@code payoutDay}; a repayment on the payout day itself is refused.
   */
  public static Optional<String> durationProblem(LocalDate payoutDay, LocalDate toRepayAt) {
    Objects.requireNonNull(payoutDay, "payoutDay");
    Objects.requireNonNull(toRepayAt, "toRepayAt");
    return withinBounds(payoutDay, toRepayAt) ? Optional.empty() : Optional.of(EXCESSIVE_DURATION);
  }

  /**
   * The first problem with lending {@code amountCents} against an invoice of {@code
   * invoiceAmountCents} to a borrower whose single loans are capped at {@code perLoanCapCents}, in
   * this order: {@link #INVALID_AMOUNT}, {@link #AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT}, {@link
   * #MAX_AMOUNT_EXCEEDED_BORROWER}. An amount equal to the invoice or to the cap is fine.
   *
   * @throws IllegalArgumentException if the cap is negative: that is a configuration error, not a
   *     problem with the request
   */
  public static Optional<String> amountProblem(
      long amountCents, long invoiceAmountCents, long perLoanCapCents) {
    if (perLoanCapCents < 0) {
      throw new IllegalArgumentException("a per-loan cap is at least 0: " + perLoanCapCents);
    }
    if (amountCents <= 0) {
      return Optional.of(INVALID_AMOUNT);
    }
    // The invoice comes first: a loan larger than its invoice is wrong for every borrower, while
    // the cap is particular to this one.
    if (amountCents > invoiceAmountCents) {
      return Optional.of(AMOUNT_SUPERIOR_TO_INVOICE_AMOUNT);
    }
    if (amountCents > perLoanCapCents) {
      return Optional.of(MAX_AMOUNT_EXCEEDED_BORROWER);
    }
    return Optional.empty();
  }

  /**
   * Whether the repayment date of a loan paid out on {@code payoutDay} may move from {@code
   * currentDueDate} to {@code newDueDate}: {@link #EXCESSIVE_DURATION} when the new date leaves the
   * bounds of {@link #durationProblem}; else {@link #POSTPONEMENT_ALREADY_USED} when it is later
   * than the current one and the loan was already postponed; else empty. Bringing the date forward
   * (or keeping it) within the bounds is always allowed and uses up nothing.
   */
  public static Optional<String> postponementProblem(
      LocalDate payoutDay,
      LocalDate currentDueDate,
      LocalDate newDueDate,
      boolean alreadyPostponed) {
    Objects.requireNonNull(payoutDay, "payoutDay");
    Objects.requireNonNull(currentDueDate, "currentDueDate");
    Objects.requireNonNull(newDueDate, "newDueDate");
    // The bounds come from the payout day, not from the current date: postponing never extends the
    // 120 days.
    if (!withinBounds(payoutDay, newDueDate)) {
      return Optional.of(EXCESSIVE_DURATION);
    }
    if (alreadyPostponed && isPostponement(currentDueDate, newDueDate)) {
      return Optional.of(POSTPONEMENT_ALREADY_USED);
    }
    return Optional.empty();
  }

  /** True when moving the due date to {@code newDueDate} uses up the loan's one postponement. */
  public static boolean isPostponement(LocalDate currentDueDate, LocalDate newDueDate) {
    return Objects.requireNonNull(newDueDate, "newDueDate")
        .isAfter(Objects.requireNonNull(currentDueDate, "currentDueDate"));
  }

  private static boolean withinBounds(LocalDate payoutDay, LocalDate dueDate) {
    return !dueDate.isBefore(payoutDay.plusDays(MIN_DAYS))
        && !dueDate.isAfter(payoutDay.plusDays(MAX_DAYS));
  }
}
