package dev.avance.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.avance.workflows.loan.LoanStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class NextActionsTest {
  private static final int LEAD = 3;

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static NextActions.Loan toRepay(String due, boolean byDebit) {
    return new NextActions.Loan(
        LoanStatus.TO_REPAY, d("2026-10-01"), d(due), false, byDebit, null, null, null);
  }

  private static NextAction of(NextActions.Loan loan, String today) {
    return NextActions.of(loan, d(today), LEAD);
  }

  @ParameterizedTest(name = "due {0}: instructed {1}, collected {2}")
  @CsvSource({
    // A Wednesday: three business days before it.
    "2026-12-16, 2026-12-11, 2026-12-16",
    // A Saturday: collected on Monday, instructed three business days before Monday.
    "2026-12-19, 2026-12-16, 2026-12-21",
    // Christmas (Friday), then 26 December and a Sunday: collected Monday 28.
    "2026-12-25, 2026-12-22, 2026-12-28",
    // Good Friday: the weekend and Easter Monday follow, collected on Tuesday; the count of
    // business days before it skips nothing more.
    "2026-04-03, 2026-03-31, 2026-04-07",
    // The Tuesday after Easter: Easter Monday and Good Friday are not counted in the lead.
    "2026-04-07, 2026-03-31, 2026-04-07",
    // 1 January (Friday): collected Monday 4, the lead counted over the 1st and the weekend.
    "2027-01-01, 2026-12-29, 2027-01-04",
    // 1 May 2026 is a Friday: collected Monday 4 May.
    "2026-05-01, 2026-04-28, 2026-05-04",
  })
  void aDirectDebitIsInstructedThreeTargetDaysBeforeItsCollectionDay(
      String due, String instructed, String collected) {
    PlannedDebit debit = NextActions.plannedDebit(d(due), d("2026-03-01"), LEAD);

    assertThat(debit).isEqualTo(new PlannedDebit(d(instructed), d(collected), false));
    assertThat(of(toRepay(due, true), "2026-03-01"))
        .isEqualTo(new NextAction(NextActionType.DEBIT_INSTRUCTION, d(instructed)));
  }

  @Test
  void onItsInstructionDayTheDebitIsStillOnTime() {
    assertThat(NextActions.plannedDebit(d("2026-12-16"), d("2026-12-11"), LEAD))
        .isEqualTo(new PlannedDebit(d("2026-12-11"), d("2026-12-16"), false));
  }

  @ParameterizedTest(name = "due {0}, today {1}: instructed {2}, collected {3}")
  @CsvSource({
    // Monday before a Wednesday due date: the lead is kept, so collected Thursday.
    "2026-12-16, 2026-12-14, 2026-12-14, 2026-12-17",
    // Asked on the Saturday: instructed Monday.
    "2026-12-16, 2026-12-12, 2026-12-14, 2026-12-17",
    // On the due date itself.
    "2026-12-16, 2026-12-16, 2026-12-16, 2026-12-21",
    // Short notice over Easter: asked on Good Friday, instructed on Tuesday.
    "2026-04-07, 2026-04-03, 2026-04-07, 2026-04-10",
    // Short notice over Christmas: asked on the 24th, collected after the 25th, 26th and weekend.
    "2026-12-28, 2026-12-24, 2026-12-24, 2026-12-30",
  })
  void atShortNoticeTheLeadIsKeptAndTheCollectionComesAfterTheDueDate(
      String due, String today, String instructed, String collected) {
    PlannedDebit debit = NextActions.plannedDebit(d(due), d(today), LEAD);

    assertThat(debit).isEqualTo(new PlannedDebit(d(instructed), d(collected), true));
    assertThat(of(toRepay(due, true), today))
        .isEqualTo(new NextAction(NextActionType.DEBIT_INSTRUCTION, d(instructed)));
  }

  @Test
  void everyPlannedDebitKeepsTheLeadAndIsCollectedOnABusinessDayNoEarlierThanDue() {
    LocalDate today = d("2026-01-01");
    for (LocalDate due = today; due.isBefore(d("2028-12-31")); due = due.plusDays(1)) {
      for (int ahead = 0; ahead <= 8; ahead++) {
        LocalDate asked = due.minusDays(ahead);
        PlannedDebit debit = NextActions.plannedDebit(due, asked, LEAD);
        assertThat(TargetCalendar.isBusinessDay(debit.instructionDate())).as("%s", due).isTrue();
        assertThat(TargetCalendar.isBusinessDay(debit.collectionDate())).as("%s", due).isTrue();
        assertThat(debit.instructionDate()).as("%s %s", due, asked).isAfterOrEqualTo(asked);
        assertThat(debit.collectionDate()).as("%s", due).isAfterOrEqualTo(due);
        assertThat(TargetCalendar.addBusinessDays(debit.instructionDate(), LEAD))
            .as("%s %s", due, asked)
            .isEqualTo(debit.collectionDate());
        assertThat(debit.shortNotice())
            .isEqualTo(debit.collectionDate().isAfter(TargetCalendar.collectionDate(due)));
      }
    }
  }

  @Test
  void aLoanRepaidByTransferIsDueOnItsDateEvenOnAClosingDay() {
    assertThat(of(toRepay("2026-12-25", false), "2026-12-01"))
        .isEqualTo(new NextAction(NextActionType.REPAYMENT_DUE, d("2026-12-25")));
  }

  @Test
  void anInstructedDebitIsNextCollected() {
    NextActions.Loan loan =
        new NextActions.Loan(
            LoanStatus.TO_REPAY,
            d("2026-10-01"),
            d("2026-12-19"),
            false,
            true,
            d("2026-12-21"),
            null,
            null);

    assertThat(of(loan, "2026-12-17"))
        .isEqualTo(new NextAction(NextActionType.DEBIT_COLLECTION, d("2026-12-21")));
  }

  @ParameterizedTest(name = "today {0}: {1} {2}")
  @CsvSource({
    "2026-12-17, REMINDER, 2026-12-17",
    "2026-12-18, REMINDER, 2026-12-20",
    "2026-12-20, REMINDER, 2026-12-20",
    "2026-12-21, REMINDER, 2026-12-31",
    "2026-12-31, REMINDER, 2026-12-31",
  })
  void aLateLoanIsRemindedAtDPlusOneFourAndFifteen(String today, NextActionType type, String date) {
    NextActions.Loan late =
        new NextActions.Loan(
            LoanStatus.TO_REPAY, d("2026-10-01"), d("2026-12-16"), true, true, null, null, null);

    assertThat(of(late, today)).isEqualTo(new NextAction(type, d(date)));
  }

  @Test
  void aLoanLatePastItsLastReminderHasNothingPlanned() {
    NextActions.Loan late =
        new NextActions.Loan(
            LoanStatus.TO_REPAY, d("2026-10-01"), d("2026-12-16"), true, false, null, null, null);

    assertThat(of(late, "2027-01-01")).isEqualTo(NextAction.NONE);
  }

  @Test
  void beforeThePayoutThePayoutIsNextOnItsDayOrToday() {
    NextActions.Loan scheduled =
        new NextActions.Loan(
            LoanStatus.SCHEDULED, d("2026-12-10"), d("2027-01-10"), false, true, null, null, null);

    assertThat(of(scheduled, "2026-12-01"))
        .isEqualTo(new NextAction(NextActionType.PAYOUT, d("2026-12-10")));
    assertThat(of(scheduled, "2026-12-11"))
        .isEqualTo(new NextAction(NextActionType.PAYOUT, d("2026-12-11")));
  }

  @Test
  void aLoanToValidateAwaitsConsentUntilItsDeadline() {
    NextActions.Loan loan =
        new NextActions.Loan(
            LoanStatus.TO_VALIDATE,
            d("2026-12-10"),
            d("2027-01-10"),
            false,
            false,
            null,
            null,
            d("2026-12-08"));

    assertThat(of(loan, "2026-12-01"))
        .isEqualTo(new NextAction(NextActionType.CONSENT, d("2026-12-08")));
  }

  @Test
  void aRepaidLoanIsBilledOnTheFirstOfTheNextMonthThenAwaitsItsBill() {
    NextActions.Loan fees =
        new NextActions.Loan(
            LoanStatus.TO_REPAY_FEES,
            d("2026-10-01"),
            d("2026-11-30"),
            false,
            true,
            null,
            d("2026-11-30"),
            null);

    assertThat(of(fees, "2026-11-30"))
        .isEqualTo(new NextAction(NextActionType.BILLING, d("2026-12-01")));
    assertThat(of(fees, "2026-12-01"))
        .isEqualTo(new NextAction(NextActionType.BILLING, d("2026-12-01")));
    assertThat(of(fees, "2026-12-02")).isEqualTo(new NextAction(NextActionType.BILL_PAYMENT, null));
  }

  @ParameterizedTest
  @EnumSource(
      value = LoanStatus.class,
      names = {"DECLINED", "CANCELED", "CLOSED", "ISSUE_DETECTED"})
  void anEndedLoanHasNothingPlanned(LoanStatus status) {
    NextActions.Loan loan =
        new NextActions.Loan(
            status, d("2026-10-01"), d("2026-12-16"), false, true, null, null, null);

    assertThat(of(loan, "2026-12-01")).isEqualTo(NextAction.NONE);
  }

  @Test
  void aDecisionInProgressIsToday() {
    NextActions.Loan loan =
        new NextActions.Loan(
            LoanStatus.PENDING_VALIDATION,
            d("2026-12-10"),
            d("2027-01-10"),
            false,
            false,
            null,
            null,
            null);

    assertThat(of(loan, "2026-12-01"))
        .isEqualTo(new NextAction(NextActionType.DECISION, d("2026-12-01")));
  }

  @ParameterizedTest
  @EnumSource(LoanStatus.class)
  void anyStoredRowGivesAnAnswerEvenWithItsDatesOutOfOrderOrMissing(LoanStatus status) {
    for (boolean late : new boolean[] {false, true}) {
      for (boolean debit : new boolean[] {false, true}) {
        NextActions.Loan outOfOrder =
            new NextActions.Loan(
                status, d("2026-12-20"), d("2026-12-01"), late, debit, null, null, null);
        NextActions.Loan missing =
            new NextActions.Loan(status, null, null, late, debit, null, null, null);
        assertThatCode(() -> of(outOfOrder, "2026-12-10")).doesNotThrowAnyException();
        assertThat(of(missing, "2026-12-10")).isNotNull();
      }
    }
    assertThat(
            NextActions.of(
                new NextActions.Loan(null, null, null, false, false, null, null, null),
                d("2026-12-10"),
                LEAD))
        .isEqualTo(NextAction.NONE);
  }
}
