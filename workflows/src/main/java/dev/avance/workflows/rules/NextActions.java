package dev.avance.workflows.rules;

import dev.avance.workflows.loan.LoanStatus;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What will next happen to a loan, from its status, dates and repayment method and the TARGET
 * calendar. Pure and total: "today" is given (a Europe/Paris day), and any stored combination of
 * fields, even one whose dates are out of order, gives an answer rather than an exception, because
 * lists and webhooks show it for every loan.
 */
public final class NextActions {
  /** Reminders of a late loan, in days after its due date (the loan workflow's dunning). */
  public static final int[] REMINDER_DAYS = {1, 4, 15};

  private NextActions() {}

  /**
   * What is known of a loan. {@code debitCollectionDate} is the collection date of a direct debit
   * already instructed and not yet settled, else null; {@code repaidDay} the day its principal was
   * repaid in full, else null; {@code consentDeadline} the last day to validate a TO_VALIDATE loan
   * (null if unknown).
   */
  public record Loan(
      LoanStatus status,
      LocalDate toPayAt,
      LocalDate toRepayAt,
      boolean late,
      boolean collectsByDebit,
      LocalDate debitCollectionDate,
      LocalDate repaidDay,
      LocalDate consentDeadline) {}

  /** The next action of {@code loan} on {@code today}, debits sent {@code sddLead} days ahead. */
  public static NextAction of(Loan loan, LocalDate today, int sddLeadBusinessDays) {
    Objects.requireNonNull(loan, "loan");
    Objects.requireNonNull(today, "today");
    if (loan.status() == null) {
      return NextAction.NONE;
    }
    switch (loan.status()) {
      case SUBMITTED:
      case PENDING_VALIDATION:
        return new NextAction(NextActionType.DECISION, today);
      case TO_VALIDATE:
        return new NextAction(NextActionType.CONSENT, loan.consentDeadline());
      case VALIDATED:
      case SCHEDULED:
      case INITIATED:
        return loan.toPayAt() == null
            ? NextAction.NONE
            : new NextAction(NextActionType.PAYOUT, latest(loan.toPayAt(), today));
      case TO_REPAY:
        return repayment(loan, today, sddLeadBusinessDays);
      case TO_REPAY_FEES:
        return fees(loan, today);
      default:
        return NextAction.NONE;
    }
  }

  /**
   * The direct debit of a loan due on {@code dueDate}, not yet instructed, as planned on {@code
   * today}: instructed {@code sddLeadBusinessDays} TARGET business days before its collection date
   * (the due date, or the next business day when the due date is a closing day). When that
   * instruction day has passed, the lead is kept rather than the date: the debit is instructed on
   * the first business day from today and collected {@code sddLeadBusinessDays} business days
   * later, after the due date.
   *
   * @throws IllegalArgumentException if the lead is negative
   */
  public static PlannedDebit plannedDebit(
      LocalDate dueDate, LocalDate today, int sddLeadBusinessDays) {
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(today, "today");
    LocalDate instruction = TargetCalendar.sddInstructionDate(dueDate, sddLeadBusinessDays);
    if (!instruction.isBefore(today)) {
      return new PlannedDebit(instruction, TargetCalendar.collectionDate(dueDate), false);
    }
    LocalDate instructedLate = TargetCalendar.nextBusinessDayOnOrAfter(today);
    return new PlannedDebit(
        instructedLate, TargetCalendar.addBusinessDays(instructedLate, sddLeadBusinessDays), true);
  }

  private static NextAction repayment(Loan loan, LocalDate today, int sddLeadBusinessDays) {
    LocalDate due = loan.toRepayAt();
    if (due == null) {
      return NextAction.NONE;
    }
    if (loan.debitCollectionDate() != null) {
      return new NextAction(NextActionType.DEBIT_COLLECTION, loan.debitCollectionDate());
    }
    if (loan.late()) {
      for (int days : REMINDER_DAYS) {
        // A reminder named D+n goes out at the end of that day: on it, it is still to come.
        LocalDate reminder = due.plusDays(days);
        if (!reminder.isBefore(today)) {
          return new NextAction(NextActionType.REMINDER, reminder);
        }
      }
      return NextAction.NONE;
    }
    if (loan.collectsByDebit()) {
      PlannedDebit debit = plannedDebit(due, today, sddLeadBusinessDays);
      return new NextAction(NextActionType.DEBIT_INSTRUCTION, debit.instructionDate());
    }
    return new NextAction(NextActionType.REPAYMENT_DUE, due);
  }

  private static NextAction fees(Loan loan, LocalDate today) {
    if (loan.repaidDay() == null) {
      return NextAction.NONE;
    }
    // The run on the 1st bills the month before: a loan repaid in a month is billed on the 1st
    // after it. Once that day has passed, the bill is out and its payment is what is awaited.
    LocalDate billing = loan.repaidDay().withDayOfMonth(1).plusMonths(1);
    if (!billing.isBefore(today)) {
      return new NextAction(NextActionType.BILLING, billing);
    }
    return new NextAction(NextActionType.BILL_PAYMENT, null);
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
