package dev.avance.workflows.loan;

import static dev.avance.workflows.common.WorkflowTime.PARIS;
import static dev.avance.workflows.common.WorkflowTime.now;
import static dev.avance.workflows.common.WorkflowTime.today;
import static dev.avance.workflows.common.WorkflowTime.until;

import dev.avance.workflows.borrower.BorrowerWorkflow;
import dev.avance.workflows.borrower.LoanLateness;
import dev.avance.workflows.common.ActivityPolicies;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.common.WorkflowTime;
import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.Reservation;
import dev.avance.workflows.credit.ReservationChange;
import dev.avance.workflows.credit.ReserveCredit;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentIds;
import dev.avance.workflows.payment.PaymentRef;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import dev.avance.workflows.rules.LoanReferences;
import dev.avance.workflows.rules.LoanTerms;
import dev.avance.workflows.rules.TargetCalendar;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;

public class LoanWorkflowImpl implements LoanWorkflow {
  private static final Logger log = Workflow.getLogger(LoanWorkflowImpl.class);

  /** Direct debits are handed to the bank early on their instruction day. */
  private static final LocalTime DEBIT_INSTRUCTION_TIME = LocalTime.of(6, 0);

  /** Reminders once a loan is late, in days after its due date: a fixed number of events. */
  private static final int[] DUNNING_DAYS = {1, 4, 15};

  static final String BLOCK_LINE_WHEN_LATE = "block-credit-line-when-late";

  /**
   * Status writes and search-attribute upserts wait until the loan next waits, in one local
   * activity and one upsert, and wait_for_validation is bounded by the caller rather than by a
   * timer. Cuts the first workflow task from seven local activities and four upserts to four and
   * one, and a workflow task per loan.
   */
  static final String RECORD_WHEN_WAITING = "record-when-waiting";

  /**
   * The bank answers in files, late and in any order: a transfer that arrives while the direct
   * debit is pending asks the bank to withdraw the debit, and a loan repaid by direct debit watches
   * for the debit's return for the SEPA window before it ends, taking the principal back if it
   * comes.
   */
  static final String BANK_FILES = "bank-files";

  /**
   * Every rule at every step, and the workflow as the loan's truth until it is CLOSED: the terms
   * and the borrower's lateness are checked again just before the payout; a direct debit that
   * cannot get its lead is collected on the first day the lead allows, and says so; a change of the
   * due date to the same date adds nothing; and a loan whose borrower pays the fees waits in
   * TO_REPAY_FEES for billing's signal, then closes.
   */
  static final String EVERY_STEP = "every-step-until-closed";

  /**
   * Collections as a lifecycle: a late loan moves through the {@link DelinquencyStage}s at the
   * policy's days past due, each told with its event and recorded on the loan (and in the books),
   * the last at D+60 by default; a repayment of the whole principal brings it back to CURRENT.
   */
  static final String DELINQUENCY_STAGES = "delinquency-stages";

  /**
   * A long-lived loan (late for months, many transfers) continues as new when Temporal suggests it,
   * carrying its whole state in a {@link LoanCarryOver}, so that its history never nears the
   * server's limits.
   */
  static final String CONTINUE_AS_NEW = "continue-as-new";

  /**
   * Told of its write-off, a loan stops its reminders and stages and waits, with no timer, for
   * recovery money; repaid in full it ends CLOSED (its interest was written off, no fees to wait
   * for).
   */
  static final String WRITE_OFF = "written-off";

  private static final int B2B_RETURN_WINDOW_DAYS = 5;

  private static final Set<String> CREDIT_REFUSALS =
      Set.of(
          FailureType.AMOUNT_SUPERIOR_TO_AVAILABLE_BALANCE.type(),
          FailureType.CREDIT_LINE_EXPIRED.type(),
          FailureType.CREDIT_LINE_BLOCKED.type(),
          FailureType.NO_CREDIT_LINE.type());

  private final LoanActivities loans =
      Workflow.newLocalActivityStub(LoanActivities.class, ActivityPolicies.localWrites());
  private final CreditLineActivities credit =
      Workflow.newLocalActivityStub(CreditLineActivities.class, ActivityPolicies.localWrites());
  private final PaymentActivities bank =
      Workflow.newActivityStub(
          PaymentActivities.class,
          ActivityPolicies.persistent(Duration.ofSeconds(30), "Send to the bank"));
  private final PaymentActivities settlement =
      Workflow.newActivityStub(
          PaymentActivities.class, ActivityPolicies.settlement("Wait for the bank to settle"));

  private final RequestLoan input;
  private final LoanPolicy policy;
  private final String reference;
  private LoanStatus status = LoanStatus.SUBMITTED;
  private DenialReason denialReason;
  private long outstanding;
  private LocalDate toRepayAt;
  private Instant paidAt;
  private boolean late;
  private boolean postponed;
  private boolean debitInstructed;
  private RepaymentSetup repayment;
  private boolean decided;
  private boolean validated;
  private boolean cancelRequested;
  private boolean payoutCommitted;
  private int dueDateVersion;

  /** Counts the facts that can change what the repayment loop waits for. */
  private int changes;

  private RepaymentSetup newRepayment;
  private boolean recordWhenWaiting;
  private final LoanJournal journal;
  private final LoanContract contract = new LoanContract();
  private final List<TransferReceived> transfers = new ArrayList<>();
  private final Set<String> appliedTransfers = new HashSet<>();
  private boolean bankFiles;
  private String settledDebit;
  private DebitReturned returnedDebit;
  private final Set<String> handledReturns = new HashSet<>();
  private boolean withdrawalAsked;
  private boolean everyStep;
  private boolean feesSettled;
  private boolean delinquencyStages;
  private DelinquencyStage stage = DelinquencyStage.CURRENT;
  private boolean continueAsNew;

  /** Reminders sent since the loan last went late. */
  private int dunning;

  /** Told by the write-off; {@link #writeOffTaken} once the loop acted on it. */
  private WrittenOff writtenOff;

  private boolean writeOffTaken;

  /** Ever late before it was repaid: what scoring judges the loan by, not the collection day. */
  private boolean wasLate;

  @WorkflowInit
  public LoanWorkflowImpl(RequestLoan input) {
    this.input = input;
    this.policy = input.policy() == null ? LoanPolicy.DEFAULT : input.policy();
    this.toRepayAt = input.toRepayAt();
    this.reference = LoanReferences.remittanceReference(input.loanId());
    this.journal = new LoanJournal(loans, input, this::state);
  }

  @Override
  public LoanState run(RequestLoan ignored) {
    recordWhenWaiting = Workflow.getVersion(RECORD_WHEN_WAITING, Workflow.DEFAULT_VERSION, 1) == 1;
    journal.recordWhenWaiting(recordWhenWaiting);
    bankFiles = Workflow.getVersion(BANK_FILES, Workflow.DEFAULT_VERSION, 1) == 1;
    everyStep = Workflow.getVersion(EVERY_STEP, Workflow.DEFAULT_VERSION, 1) == 1;
    delinquencyStages = Workflow.getVersion(DELINQUENCY_STAGES, Workflow.DEFAULT_VERSION, 1) == 1;
    continueAsNew = Workflow.getVersion(CONTINUE_AS_NEW, Workflow.DEFAULT_VERSION, 1) == 1;
    if (input.carried() != null) {
      return goOn(input.carried());
    }
    loans.register(new RegisterLoan(input, reference, now()));
    change(LoanStatus.PENDING_VALIDATION, null, LoanEvent.PENDING_VALIDATION);
    if (!decide() || !consent() || !payOut()) {
      return finish();
    }
    repay();
    while (debitReturnedInWindow()) {
      repay();
    }
    if (everyStep && status == LoanStatus.TO_REPAY_FEES) {
      closeWhenFeesSettled();
    }
    return finish();
  }

  /**
   * The borrower pays the interest when billed; billing tells the loan once every bill of it is
   * paid. Waiting costs no timer: the signal is the only way on.
   */
  private void closeWhenFeesSettled() {
    journal.nextAction("Interest billed and paid, then CLOSED", null);
    recordAndIndex();
    Workflow.await(() -> feesSettled || continueAsNewDue());
    if (!feesSettled) {
      continueAsNewNow(true);
    }
    journal.nextAction(null, null);
    // The key billing's own close writes: the event is one, whichever writes first.
    change(LoanStatus.CLOSED, null, LoanEvent.CLOSED, input.loanId() + ":fees-paid");
  }

  /** A run continued as new: the loan goes on where the previous run stopped. */
  private LoanState goOn(LoanCarryOver c) {
    status = c.status();
    outstanding = c.outstandingCents();
    toRepayAt = c.toRepayAt();
    paidAt = c.paidAt();
    late = c.late();
    wasLate = c.wasLate();
    postponed = c.postponed();
    debitInstructed = c.debitInstructed();
    repayment = c.repayment();
    newRepayment = c.newRepayment();
    dueDateVersion = c.dueDateVersion();
    dunning = c.dunning();
    stage = c.stage();
    settledDebit = c.settledDebit();
    returnedDebit = c.pendingReturn();
    transfers.addAll(c.unappliedTransfers());
    appliedTransfers.addAll(c.appliedTransfers());
    handledReturns.addAll(c.handledReturns());
    withdrawalAsked = c.withdrawalAsked();
    feesSettled = c.feesSettled();
    writtenOff = c.writtenOff();
    writeOffTaken = c.writeOffTaken();
    decided = true;
    validated = true;
    payoutCommitted = true;
    journal.resume(c.eventSequence(), c.lastIndexed());
    if (!c.awaitingFees()) {
      repayFromHere();
      while (debitReturnedInWindow()) {
        repay();
      }
    }
    if (status == LoanStatus.TO_REPAY_FEES) {
      closeWhenFeesSettled();
    }
    return finish();
  }

  /**
   * Temporal suggests a new run (or the policy's test bound is passed). Only asked where the loan
   * waits with nothing in flight: the repayment loop's waits and the wait for the fees.
   */
  private boolean continueAsNewDue() {
    if (!continueAsNew) {
      return false;
    }
    int bound = policy.continueAsNewAfterEvents();
    return Workflow.getInfo().isContinueAsNewSuggested()
        || bound > 0 && Workflow.getInfo().getHistoryLength() > bound;
  }

  /**
   * Ends this run and starts the next with the loan's state. Handlers still running finish first
   * and what they changed is written, so that an update's answer and the read model come from this
   * run; signals taken in by then are in the state carried (transfers not applied yet, a return not
   * acted on), and a signal that comes after makes the server retry this task with it.
   */
  private void continueAsNewNow(boolean awaitingFees) {
    // The contract's activities run beside the loan; the next run does not know of them.
    contract.awaitIssued();
    do {
      Workflow.await(Workflow::isEveryHandlerFinished);
      recordAndIndex();
    } while (!Workflow.isEveryHandlerFinished() || !journal.allRecorded());
    List<TransferReceived> unapplied = new ArrayList<>();
    for (TransferReceived transfer : transfers) {
      if (!appliedTransfers.contains(transfer.transferId())) {
        unapplied.add(transfer);
      }
    }
    LoanCarryOver carried =
        new LoanCarryOver(
            status,
            outstanding,
            toRepayAt,
            paidAt,
            late,
            wasLate,
            postponed,
            debitInstructed,
            repayment,
            newRepayment,
            dueDateVersion,
            dunning,
            stage,
            settledDebit,
            returnedDebit,
            journal.eventSequence(),
            journal.lastIndexed(),
            unapplied,
            List.copyOf(appliedTransfers),
            List.copyOf(handledReturns),
            withdrawalAsked,
            awaitingFees,
            feesSettled,
            writtenOff,
            writeOffTaken);
    log.info("Loan {} continues as new", input.loanId());
    Workflow.continueAsNew(
        ContinueAsNewOptions.newBuilder()
            // What the loan was started and last indexed with, for operators' searches.
            .setTypedSearchAttributes(Workflow.getTypedSearchAttributes())
            .build(),
        input.carrying(carried));
  }

  /** Declines or reserves the credit; true when the loan goes on. */
  private boolean decide() {
    LoanAssessment assessment =
        loans.assess(
            new AssessLoan(
                input.loanId(), input.platformId(), input.borrowerId(), input.invoice().number()));
    repayment = assessment.repayment();
    Optional<DenialReason> denial = LoanDecision.denial(assessment, input, payoutDay());
    if (denial.isPresent()) {
      decline(denial.get());
      return false;
    }
    try {
      credit.reserve(
          new ReserveCredit(
              input.loanId(), input.borrowerId(), input.platformId(), input.amountCents(), now()));
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof ApplicationFailure failure
          && CREDIT_REFUSALS.contains(failure.getType())) {
        decline(
            FailureType.NO_CREDIT_LINE.type().equals(failure.getType())
                ? DenialReason.MISSING_DATA
                : DenialReason.valueOf(failure.getType()));
        return false;
      }
      throw e;
    }
    return true;
  }

  /** TO_VALIDATE until the borrower consents, cancels, or the request expires. */
  private boolean consent() {
    if (!input.autoValidate()) {
      change(LoanStatus.TO_VALIDATE, null, LoanEvent.TO_VALIDATE);
      decided = true;
      boolean answered =
          awaitWithTimer(
              Duration.ofDays(policy.validationExpiryDays()),
              "Validation expiry",
              () -> validated || cancelRequested);
      if (!answered) {
        release("expired");
        decline(DenialReason.LOAN_REQUEST_EXPIRED);
        return false;
      }
      if (cancelRequested) {
        cancelNow();
        return false;
      }
    }
    change(LoanStatus.VALIDATED, null, LoanEvent.VALIDATED);
    decided = true;
    contract.issue(input, now());
    return true;
  }

  /** SCHEDULED until the payout day, INITIATED when instructed, TO_REPAY when settled. */
  private boolean payOut() {
    change(LoanStatus.SCHEDULED, null, LoanEvent.SCHEDULED);
    journal.nextAction("Payout", input.toPayAt());
    Duration untilPayout = until(input.toPayAt().atStartOfDay(PARIS).toInstant());
    if (!untilPayout.isZero()) {
      awaitWithTimer(untilPayout, "Payout day", () -> cancelRequested);
    }
    if (cancelRequested) {
      cancelNow();
      return false;
    }
    if (everyStep) {
      Optional<DenialReason> stop = beforePayout();
      if (stop.isPresent()) {
        release("declined before payout");
        decline(stop.get());
        return false;
      }
    }
    // From here on a cancel is refused: the payout is about to go to the bank.
    payoutCommitted = true;
    change(LoanStatus.INITIATED, null, LoanEvent.INITIATED);
    recordAndIndex();
    String payoutId = PaymentIds.payout(input.loanId());
    PaymentView instructed =
        bank.instruct(
            new InstructPayment(
                payoutId,
                input.loanId(),
                input.platformId(),
                input.borrowerId(),
                PaymentType.PAYOUT,
                input.amountCents(),
                input.loanTo().iban(),
                input.loanTo().bic(),
                null,
                reference,
                payoutDay(),
                now()));
    PaymentView outcome = settled(instructed);
    if (outcome.status() != PaymentStatus.PAID) {
      release("payout " + outcome.status());
      change(LoanStatus.ISSUE_DETECTED, DenialReason.PAYOUT_FAILED, LoanEvent.ISSUE_DETECTED);
      return false;
    }
    credit.confirm(new ReservationChange(input.loanId(), 0, "payout settled", now()));
    paidAt = outcome.paidAt() == null ? now() : outcome.paidAt();
    outstanding = input.amountCents();
    change(LoanStatus.TO_REPAY, null, LoanEvent.TO_REPAY);
    return true;
  }

  /**
   * What the decision checked, checked again as the payout is about to go: consent and the payout
   * day can come after the day the request was decided for, and the borrower may have gone late
   * meanwhile (the guide: no further financing until the late loan is repaid).
   */
  private Optional<DenialReason> beforePayout() {
    Optional<DenialReason> terms = LoanDecision.termsProblem(input, payoutDay(), toRepayAt);
    if (terms.isPresent()) {
      return terms;
    }
    LoanAssessment now =
        loans.assess(
            new AssessLoan(
                input.loanId(), input.platformId(), input.borrowerId(), input.invoice().number()));
    return now.borrowerLate()
        ? Optional.of(DenialReason.LATE_REPAYMENT_BORROWER)
        : Optional.empty();
  }

  /**
   * Until the principal is repaid: the direct debit at its instruction date, transfers as they
   * arrive, lateness and dunning. The due date can move, so every wait is an await on a condition
   * with a timer, never a plain sleep.
   */
  private void repay() {
    dunning = 0;
    repayFromHere();
  }

  /** The repayment loop from the state the loan is in: a fresh lateness, or a carried run's. */
  private void repayFromHere() {
    while (outstanding > 0) {
      if (newRepayment != null) {
        if (!debitInstructed) {
          repayment = newRepayment;
          change(status, null, LoanEvent.REPAYMENT_METHOD_CHANGED);
        }
        newRepayment = null;
      }
      applyTransfers();
      if (outstanding == 0) {
        break;
      }
      if (continueAsNewDue()) {
        continueAsNewNow(false);
      }
      int seen = changes;
      if (writtenOff != null && !writeOffTaken && writeOffHandled()) {
        writeOffTaken = true;
        // The write-off's own transaction wrote this event: the same key, one event.
        change(status, null, LoanEvent.WRITTEN_OFF, input.loanId() + ":written_off");
      }
      if (writeOffTaken) {
        // Written off: no debit, no reminder, no stage; only recovery money wakes the loan.
        journal.nextAction("Recovery by transfer (written off)", null);
        recordAndIndex();
        Workflow.await(() -> changes != seen || continueAsNewDue());
      } else if (repayment.collectsByDebit() && !debitInstructed && !late) {
        LocalDate instructOn =
            TargetCalendar.sddInstructionDate(toRepayAt, policy.sddLeadBusinessDays());
        journal.nextAction(
            "Direct debit instruction (collection "
                + TargetCalendar.collectionDate(toRepayAt)
                + ")",
            instructOn);
        Duration wait = until(instructOn.atTime(DEBIT_INSTRUCTION_TIME).atZone(PARIS).toInstant());
        if (awaitWithTimer(
            wait, "Direct debit instruction", () -> changes != seen || continueAsNewDue())) {
          continue;
        }
        collectByDirectDebit(instructOn);
      } else if (!late) {
        journal.nextAction("Repayment due", toRepayAt);
        Duration wait = until(toRepayAt.plusDays(1).atStartOfDay(PARIS).toInstant());
        if (awaitWithTimer(wait, "Due date", () -> changes != seen || continueAsNewDue())) {
          continue;
        }
        applyTransfers();
        if (outstanding > 0) {
          late = true;
          wasLate = true;
          change(status, null, LoanEvent.LATE);
          tellBorrower(true);
        }
      } else if (delinquencyStages && nextStage() != null
          || delinquencyStages && dunning < DUNNING_DAYS.length) {
        // Reminders and stages on one timeline, one timer for whichever comes first.
        DelinquencyStage next = nextStage();
        LocalDate stageDay =
            next == null ? null : toRepayAt.plusDays(policy.delinquency().of(next));
        LocalDate reminderDay =
            dunning < DUNNING_DAYS.length
                ? toRepayAt.plusDays(DUNNING_DAYS[dunning]).plusDays(1)
                : null;
        boolean stageFirst =
            reminderDay == null || stageDay != null && !stageDay.isAfter(reminderDay);
        LocalDate day = stageFirst ? stageDay : reminderDay;
        journal.nextAction(
            stageFirst ? "Delinquency " + next : "Reminder D+" + DUNNING_DAYS[dunning],
            stageFirst ? day : day.minusDays(1));
        Instant milestone = day.atStartOfDay(PARIS).toInstant();
        if (awaitWithTimer(
            until(milestone),
            stageFirst ? "Delinquency stage" : "Dunning",
            () -> changes != seen || continueAsNewDue())) {
          continue;
        }
        if (stageFirst) {
          stage = next;
          change(status, null, next.event());
        } else {
          change(status, null, LoanEvent.dunning(DUNNING_DAYS[dunning]));
          dunning++;
        }
      } else if (!delinquencyStages && dunning < DUNNING_DAYS.length) {
        LocalDate reminder = toRepayAt.plusDays(DUNNING_DAYS[dunning]);
        journal.nextAction("Reminder D+" + DUNNING_DAYS[dunning], reminder);
        Instant milestone = reminder.plusDays(1).atStartOfDay(PARIS).toInstant();
        if (awaitWithTimer(
            until(milestone), "Dunning", () -> changes != seen || continueAsNewDue())) {
          continue;
        }
        change(status, null, LoanEvent.dunning(DUNNING_DAYS[dunning]));
        dunning++;
      } else {
        // Late past the last reminder: no timers at all, only the borrower's transfers wake it.
        journal.nextAction("Repayment by transfer (late)", null);
        recordAndIndex();
        Workflow.await(() -> changes != seen || continueAsNewDue());
      }
    }
    if (late) {
      late = false;
      tellBorrower(false);
    }
    if (stage != DelinquencyStage.CURRENT) {
      // Only the whole principal repaid ends the delinquency.
      stage = DelinquencyStage.CURRENT;
      change(status, null, LoanEvent.DELINQUENCY_CURRENT);
    }
    // Interest is billed monthly; the borrower pays it when Avance collects by direct debit,
    // otherwise the platform does and the loan is done. A written-off loan's interest was written
    // off with it: nothing more is billed.
    LoanStatus end =
        repayment.directDebit() && !writeOffTaken ? LoanStatus.TO_REPAY_FEES : LoanStatus.CLOSED;
    change(end, null, LoanEvent.of(end));
  }

  private void collectByDirectDebit(LocalDate instructOn) {
    debitInstructed = true;
    String debitId = PaymentIds.directDebit(input.loanId(), dueDateVersion + 1);
    LocalDate collectOn = TargetCalendar.collectionDate(toRepayAt);
    if (everyStep && instructOn.isBefore(today())) {
      // Too late for the lead (a near due date, or one moved closer): the bank needs its business
      // days, so the debit is collected on the first day they allow, and the loan says so. The
      // borrower is not late for it: the collection day is Avance's.
      collectOn = TargetCalendar.addBusinessDays(today(), policy.sddLeadBusinessDays());
      change(status, null, LoanEvent.DIRECT_DEBIT_SHORT_NOTICE);
    }
    journal.nextAction("Direct debit collection", collectOn);
    recordAndIndex();
    PaymentView instructed =
        bank.instruct(
            new InstructPayment(
                debitId,
                input.loanId(),
                input.platformId(),
                input.borrowerId(),
                PaymentType.DIRECT_DEBIT,
                outstanding,
                repayment.iban(),
                repayment.bic(),
                repayment.mandateReference(),
                reference,
                collectOn,
                now()));
    change(status, null, LoanEvent.DIRECT_DEBIT_INSTRUCTED);
    PaymentView outcome = bankFiles ? awaitDebit(instructed) : settled(instructed);
    if (outcome.status() == PaymentStatus.PAID) {
      settledDebit = debitId;
      applyRepayment(debitId, outcome.amountCents());
    } else if (outcome.status() == PaymentStatus.CANCELED) {
      // Withdrawn because transfers repay the loan: they are applied next.
      change(status, null, LoanEvent.DIRECT_DEBIT_WITHDRAWN);
    } else {
      // A returned debit is not presented again: the borrower pays by transfer, and is late.
      late = true;
      wasLate = true;
      change(status, null, LoanEvent.debitOutcome(outcome.status()));
      tellBorrower(true);
    }
  }

  /**
   * Waits for the debit's outcome; if meanwhile transfers arrive that repay the whole outstanding
   * amount, asks the bank to withdraw the debit (once). Withdrawn, the outcome is CANCELED; too
   * late, the debit is collected and the transfers are kept as overpayments, for operators to
   * refund.
   */
  private PaymentView awaitDebit(PaymentView instructed) {
    if (instructed.status() != PaymentStatus.INSTRUCTED) {
      return instructed;
    }
    recordAndIndex();
    PaymentRef debit = new PaymentRef(instructed.paymentId());
    Promise<PaymentView> outcome = Async.function(settlement::awaitOutcome, debit);
    Workflow.await(() -> outcome.isCompleted() || (!withdrawalAsked && transfersRepayAll()));
    if (!outcome.isCompleted()) {
      withdrawalAsked = true;
      change(status, null, LoanEvent.DIRECT_DEBIT_WITHDRAWAL_REQUESTED);
      recordAndIndex();
      bank.cancel(debit);
    }
    return outcome.get();
  }

  /** The transfers not applied yet repay everything outstanding. */
  private boolean transfersRepayAll() {
    long unapplied = 0;
    // A transfer told twice (the relay delivers at least once) is counted once, as it is applied.
    Set<String> counted = new HashSet<>();
    for (TransferReceived transfer : transfers) {
      if (!appliedTransfers.contains(transfer.transferId()) && counted.add(transfer.transferId())) {
        unapplied += transfer.amountCents();
      }
    }
    return unapplied >= outstanding;
  }

  /**
   * After a repayment by direct debit, the loan watches for the debit's return for the SEPA window.
   * A return takes the principal back: the loan is TO_REPAY again (late when past its due date),
   * and true is returned so that it waits for a transfer. False when the window passed quietly.
   */
  private boolean debitReturnedInWindow() {
    if (!bankFiles || settledDebit == null || policy.debitReturnWindowDays() <= 0) {
      return false;
    }
    String debit = settledDebit;
    // A business debtor (a wallet's B2B mandate) has no refund right: its bank returns within two
    // TARGET business days, which five calendar days cover.
    int days =
        repayment.directDebit()
            ? policy.debitReturnWindowDays()
            : Math.min(policy.debitReturnWindowDays(), B2B_RETURN_WINDOW_DAYS);
    Instant windowEnd = now().plus(Duration.ofDays(days));
    Supplier<Boolean> returned =
        () -> returnedDebit != null && debit.equals(returnedDebit.paymentId());
    while (!returned.get()) {
      // Money that comes after the repayment is parked at once, for operators to refund: kept
      // waiting for a return, it could be refunded and then count as the return's repayment.
      parkUnappliedTransfers();
      boolean woke =
          awaitWithTimer(
              until(windowEnd),
              "Direct debit return window",
              () -> returned.get() || hasUnappliedTransfers());
      if (!woke) {
        return false;
      }
    }
    settledDebit = null;
    Reservation back = credit.reinstate(new ReservationChange(input.loanId(), 0, debit, now()));
    outstanding = back.outstandingCents();
    late = today().isAfter(toRepayAt);
    wasLate |= late;
    // Fees billing settled before the return do not cover the interest of the days after it.
    feesSettled = false;
    change(LoanStatus.TO_REPAY, null, LoanEvent.DIRECT_DEBIT_RETURNED);
    returnedDebit = null;
    if (late) {
      tellBorrower(true);
    }
    return outstanding > 0;
  }

  /**
   * The bank's outcome of an instructed payment: at once when the bank settled or rejected it on
   * receipt (an SCT Inst payout), otherwise by asking until it has. Before {@link
   * #RECORD_WHEN_WAITING} the bank was always asked, and replays must ask too.
   */
  private PaymentView settled(PaymentView instructed) {
    if (recordWhenWaiting && instructed.status() != PaymentStatus.INSTRUCTED) {
      return instructed;
    }
    recordAndIndex();
    return settlement.awaitOutcome(new PaymentRef(instructed.paymentId()));
  }

  /**
   * A late loan blocks its borrower's credit line until it is repaid. Added after loans were
   * recorded without it, hence the version marker.
   */
  private void tellBorrower(boolean isLate) {
    if (Workflow.getVersion(BLOCK_LINE_WHEN_LATE, Workflow.DEFAULT_VERSION, 1) == 1) {
      recordAndIndex();
      try {
        Workflow.newExternalWorkflowStub(
                BorrowerWorkflow.class, BorrowerWorkflow.workflowId(input.borrowerId()))
            .loanLateness(new LoanLateness(input.loanId(), isLate));
      } catch (SignalExternalWorkflowException | ApplicationFailure borrowerGone) {
        log.warn(
            "Borrower {} did not get the lateness of loan {}", input.borrowerId(), input.loanId());
      }
    }
  }

  private void applyTransfers() {
    for (TransferReceived transfer : List.copyOf(transfers)) {
      if (appliedTransfers.add(transfer.transferId())) {
        applyRepayment(transfer.transferId(), transfer.amountCents());
      }
    }
  }

  /**
   * Money that came after the principal was repaid, or for a loan that never paid out, is kept for
   * operators to refund, as an overpayment is. Part of {@link #RECORD_WHEN_WAITING}.
   */
  private void parkUnappliedTransfers() {
    if (!recordWhenWaiting) {
      return;
    }
    for (TransferReceived transfer : List.copyOf(transfers)) {
      if (appliedTransfers.add(transfer.transferId())) {
        change(status, null, LoanEvent.OVERPAYMENT_PARKED);
      }
    }
  }

  private boolean hasUnappliedTransfers() {
    for (TransferReceived transfer : transfers) {
      if (!appliedTransfers.contains(transfer.transferId())) {
        return true;
      }
    }
    return false;
  }

  private void applyRepayment(String paymentKey, long amountCents) {
    long applied = Math.min(amountCents, outstanding);
    if (applied > 0) {
      credit.repay(new ReservationChange(input.loanId(), applied, paymentKey, now()));
      outstanding -= applied;
    }
    if (amountCents > applied) {
      // Overpaid: the excess is kept for operators to refund, never dropped.
      change(status, null, LoanEvent.OVERPAYMENT_PARKED);
    }
    if (applied > 0) {
      change(status, null, LoanEvent.REPAYMENT_RECEIVED);
    }
  }

  private void decline(DenialReason reason) {
    change(LoanStatus.DECLINED, reason, LoanEvent.DECLINED);
    decided = true;
  }

  private void cancelNow() {
    release("canceled");
    change(LoanStatus.CANCELED, null, LoanEvent.CANCELED);
  }

  private void release(String why) {
    credit.release(new ReservationChange(input.loanId(), 0, why, now()));
  }

  /** Awaits the condition or the timer; true when the condition came first (timer canceled). */
  private boolean awaitWithTimer(Duration timeout, String summary, Supplier<Boolean> condition) {
    recordAndIndex();
    if (condition.get()) {
      return true;
    }
    if (timeout.isZero()) {
      return false;
    }
    return WorkflowTime.awaitWithTimer(timeout, summary, condition);
  }

  private void change(LoanStatus newStatus, DenialReason reason, LoanEvent event) {
    change(newStatus, reason, event, null);
  }

  /**
   * The loan enters {@code newStatus}, told to the read model (and webhooks) with {@code event}.
   */
  private void change(LoanStatus newStatus, DenialReason reason, LoanEvent event, String eventKey) {
    journal.record(
        newStatus,
        reason,
        event,
        eventKey,
        everyStep ? wasLate : null,
        delinquencyStages ? stage : null);
    status = newStatus;
    if (reason != null) {
      denialReason = reason;
    }
    journal.changed();
    log.debug("Loan {} is {}", input.loanId(), status);
  }

  private void recordAndIndex() {
    journal.recordAndIndex();
  }

  /** The stage a late loan enters next, null past the last one. */
  private DelinquencyStage nextStage() {
    DelinquencyStage[] stages = DelinquencyStage.values();
    return stage.ordinal() + 1 < stages.length ? stages[stage.ordinal() + 1] : null;
  }

  @Override
  public LoanState awaitDecision(AwaitDecision request) {
    // At least recorded and PENDING_VALIDATION, so that the API can read the loan back.
    Workflow.await(() -> status != LoanStatus.SUBMITTED);
    if (request.waitForDecision()) {
      if (recordWhenWaiting) {
        // The caller bounds its wait; a timer here would cost a workflow task per loan.
        Workflow.await(() -> decided);
      } else {
        Workflow.await(LoanWorkflow.DECISION_WAIT, () -> decided);
      }
    }
    return state();
  }

  @Override
  public void validateAwaitDecision(AwaitDecision request) {
    if (request == null || !input.requestHash().equals(request.requestHash())) {
      throw LoanRefusal.SALT_ID_REUSED.failure(
          "salt_id " + input.saltId() + " was already used for a different request");
    }
  }

  @Override
  public LoanState validate(LoanCommand request) {
    validated = true;
    Workflow.await(() -> status != LoanStatus.TO_VALIDATE);
    return state();
  }

  @Override
  public void validateValidate(LoanCommand request) {
    if (status != LoanStatus.TO_VALIDATE || cancelRequested) {
      throw LoanRefusal.NOT_TO_VALIDATE.failure(
          "only a loan in TO_VALIDATE can be validated; it is " + status);
    }
  }

  @Override
  public LoanState cancel(LoanCommand request) {
    cancelRequested = true;
    Workflow.await(() -> status == LoanStatus.CANCELED);
    return state();
  }

  @Override
  public void validateCancel(LoanCommand request) {
    if (!status.cancelable() || payoutCommitted || validated && status == LoanStatus.TO_VALIDATE) {
      throw LoanRefusal.NOT_CANCELABLE.failure(
          "a loan can be canceled in TO_VALIDATE, VALIDATED or SCHEDULED until its payout is"
              + " instructed; it is "
              + status);
    }
  }

  @Override
  public LoanState changeDueDate(ChangeDueDate request) {
    if (everyStep && request.toRepayAt().equals(toRepayAt)) {
      // Nothing changes, so nothing is told: a retried PATCH adds no events.
      return state();
    }
    if (request.toRepayAt().isAfter(toRepayAt)) {
      postponed = true;
    }
    toRepayAt = request.toRepayAt();
    // A new date in the future ends the lateness; the validator allows nothing else.
    if (late) {
      late = false;
      tellBorrower(false);
    }
    dueDateVersion++;
    changes++;
    change(status, null, LoanEvent.DUE_DATE_CHANGED);
    return state();
  }

  @Override
  public void validateChangeDueDate(ChangeDueDate request) {
    if (status != LoanStatus.TO_REPAY || paidAt == null) {
      throw LoanRefusal.NOT_TO_REPAY.failure("the repayment date can change only in TO_REPAY");
    }
    if (request == null || request.toRepayAt() == null) {
      throw LoanRefusal.DUE_DATE_REQUIRED.failure("to_repay_at is required");
    }
    if (!request.toRepayAt().isAfter(today())) {
      throw LoanRefusal.DUE_DATE_NOT_IN_FUTURE.failure("to_repay_at must be after today");
    }
    if (repayment.collectsByDebit() && debitInstructed) {
      throw LoanRefusal.DIRECT_DEBIT_ALREADY_INSTRUCTED.failure(
          "the direct debit has been sent to the bank");
    }
    if (late) {
      // The guide: financing stays blocked until the repayment is completed. Moving the date would
      // end the lateness, unblock the line and clear the scoring with nothing repaid.
      throw LoanRefusal.LOAN_LATE.failure(
          "a late loan cannot be postponed: only its repayment ends the lateness");
    }
    LoanTerms.postponementProblem(
            LocalDate.ofInstant(paidAt, PARIS), toRepayAt, request.toRepayAt(), postponed)
        .ifPresent(
            problem -> {
              throw LoanRefusal.valueOf(
                      LoanTerms.EXCESSIVE_DURATION.equals(problem) ? "EXCESSIVE_DURATION" : problem)
                  .failure(
                      LoanTerms.EXCESSIVE_DURATION.equals(problem)
                          ? "to_repay_at must be 1 to 120 days after the payout day"
                          : "the repayment date was already postponed once");
            });
  }

  @Override
  public void transferReceived(TransferReceived transfer) {
    transfers.add(transfer);
    changes++;
  }

  @Override
  public void debitReturned(DebitReturned returned) {
    // The same return told twice (the relay delivers at least once) is one return.
    if (returned != null && handledReturns.add(returned.paymentId())) {
      returnedDebit = returned;
      changes++;
    }
  }

  @Override
  public void feesSettled(FeesSettled settled) {
    // Only a loan whose principal is repaid: a return after billing reopens what it owes.
    if (status == LoanStatus.TO_REPAY_FEES) {
      feesSettled = true;
    }
  }

  @Override
  public void writtenOff(WrittenOff told) {
    // Told again (the service resends after a retry), or after the loan was repaid: nothing.
    // The books may book the payout before the bank's answer reaches the loan: INITIATED too.
    if (told != null
        && writtenOff == null
        && (status == LoanStatus.TO_REPAY || status == LoanStatus.INITIATED)) {
      writtenOff = told;
      changes++;
    }
  }

  /** Whether this run acts on a write-off; loans started before it never were told one. */
  private boolean writeOffHandled() {
    return Workflow.getVersion(WRITE_OFF, Workflow.DEFAULT_VERSION, 1) == 1;
  }

  @Override
  public void repaymentMethodChanged(RepaymentSetup setup) {
    newRepayment = setup;
    changes++;
  }

  @Override
  public LoanState state() {
    return new LoanState(
        input.loanId(),
        input.platformId(),
        input.borrowerId(),
        status,
        denialReason,
        input.amountCents(),
        outstanding,
        input.toPayAt(),
        toRepayAt,
        paidAt,
        late,
        postponed,
        debitInstructed,
        repayment == null ? null : repayment.method(),
        reference);
  }

  private LoanState finish() {
    parkUnappliedTransfers();
    recordAndIndex();
    contract.awaitIssued();
    Workflow.await(Workflow::isEveryHandlerFinished);
    // What a last handler changed, or a last transfer brought, while the loan was ending.
    parkUnappliedTransfers();
    recordAndIndex();
    return state();
  }

  private LocalDate payoutDay() {
    LocalDate today = today();
    return input.toPayAt().isAfter(today) ? input.toPayAt() : today;
  }
}
