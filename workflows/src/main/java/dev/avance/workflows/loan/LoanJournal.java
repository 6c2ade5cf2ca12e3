package dev.avance.workflows.loan;

import dev.avance.workflows.common.AvanceSearchAttributes;
import dev.avance.workflows.common.WorkflowTime;
import io.temporal.workflow.Workflow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The loan's journal: each status change with its event, written to the read model, and what
 * operators see of the loan in the Temporal UI (search attributes, current details). Kept apart
 * from {@link LoanWorkflowImpl} so that the workflow reads as the loan's story, not its
 * bookkeeping.
 *
 * <p>Since {@link LoanWorkflowImpl#RECORD_WHEN_WAITING} changes are kept and written in one local
 * activity, with one upsert, just before the loan next waits; before it each change was written at
 * once. Either way, the command sequence is exactly what it was when the code lived in the
 * workflow, so recorded histories replay.
 */
final class LoanJournal {
  private final LoanActivities loans;
  private final Supplier<LoanState> state;
  private final List<LoanStatusChange> unrecorded = new ArrayList<>();
  private boolean recordWhenWaiting;
  private boolean recording;
  private int eventSequence;
  private String lastIndexed;
  private String nextAction;

  LoanJournal(LoanActivities loans, RequestLoan input, Supplier<LoanState> state) {
    this.loans = loans;
    this.state = state;
    // What the start options indexed.
    this.lastIndexed = LoanStatus.SUBMITTED + "|false|" + input.toRepayAt();
  }

  void recordWhenWaiting(boolean on) {
    this.recordWhenWaiting = on;
  }

  /** The events numbered so far, carried over when the loan continues as new. */
  int eventSequence() {
    return eventSequence;
  }

  /** What operators indexed last, carried over when the loan continues as new. */
  String lastIndexed() {
    return lastIndexed;
  }

  /** Every change recorded is written: nothing is left for a next wait. */
  boolean allRecorded() {
    return unrecorded.isEmpty() && !recording;
  }

  void resume(int eventSequence, String lastIndexed) {
    this.eventSequence = eventSequence;
    this.lastIndexed = lastIndexed;
  }

  /** What the loan does next and when, shown in its current details. */
  void nextAction(String what, LocalDate on) {
    this.nextAction = what == null ? null : what + (on == null ? "" : " on " + on);
    showDetails(state.get());
  }

  /**
   * The loan enters {@code status} with this event; {@code reason} is the denial or issue reason it
   * enters it for, if any. The workflow sets its state after this returns and then calls {@link
   * #changed()}: before {@link LoanWorkflowImpl#RECORD_WHEN_WAITING} the write happens here, and
   * update handlers waiting on the status must not see it before it is written.
   */
  void record(
      LoanStatus status,
      DenialReason reason,
      LoanEvent event,
      String eventKey,
      Boolean repaidLate,
      DelinquencyStage stage) {
    LoanState now = state.get();
    LoanStatusChange change =
        new LoanStatusChange(
            now.loanId(),
            now.platformId(),
            status,
            reason == null ? null : reason.code(),
            now.outstandingPrincipalCents(),
            now.toRepayAt(),
            now.paidAt(),
            now.late(),
            now.postponed(),
            now.repaymentMethod(),
            event.code(),
            // The sequence moves on even under an explicit key, so later keys stay as they were.
            eventKey(now.loanId(), ++eventSequence, eventKey),
            WorkflowTime.now(),
            repaidLate,
            stage);
    if (recordWhenWaiting) {
      unrecorded.add(change);
    } else {
      loans.recordStatus(change);
    }
  }

  /** The workflow's state now includes the change just recorded. */
  void changed() {
    if (!recordWhenWaiting) {
      index();
    }
    showDetails(state.get());
  }

  private static String eventKey(String loanId, int sequence, String explicit) {
    return explicit != null ? explicit : loanId + ":" + sequence;
  }

  /**
   * Writes the status changes made since the loan last waited and indexes what operators search on.
   * Called before every wait, so the workflow task that ends there, and any update it answers,
   * completes only once the read model holds the changes. Without {@link
   * LoanWorkflowImpl#RECORD_WHEN_WAITING} each change was already written, and this does nothing.
   */
  void recordAndIndex() {
    if (!recordWhenWaiting) {
      return;
    }
    // An update handler can get here while the main thread's batch is being written: batches are
    // written one after the other, so the read model never goes back to an older status.
    Workflow.await(() -> !recording);
    while (!unrecorded.isEmpty()) {
      LoanStatusChanges batch = new LoanStatusChanges(List.copyOf(unrecorded));
      unrecorded.clear();
      recording = true;
      try {
        loans.recordStatuses(batch);
      } finally {
        recording = false;
      }
    }
    index();
  }

  /** Each upsert is a history event: only when what operators search on has changed. */
  private void index() {
    LoanState now = state.get();
    String indexed = now.status() + "|" + now.late() + "|" + now.toRepayAt();
    if (!indexed.equals(lastIndexed)) {
      lastIndexed = indexed;
      Workflow.upsertTypedSearchAttributes(
          AvanceSearchAttributes.LOAN_STATUS.valueSet(now.status().name()),
          AvanceSearchAttributes.LOAN_IS_LATE.valueSet(now.late()),
          AvanceSearchAttributes.LOAN_DUE_DATE.valueSet(
              now.toRepayAt().atStartOfDay().atOffset(ZoneOffset.UTC)));
    }
  }

  private void showDetails(LoanState now) {
    long outstanding = now.outstandingPrincipalCents();
    Workflow.setCurrentDetails(
        "**Status:** "
            + now.status()
            + (now.denialReason() == null ? "" : " (" + now.denialReason() + ")")
            + (now.late() ? " **LATE**" : "")
            + "\n\n**Due:** "
            + now.toRepayAt()
            + "  **Outstanding:** "
            + outstanding / 100
            + "."
            + String.format("%02d", outstanding % 100)
            + " EUR"
            + (nextAction == null ? "" : "\n\n**Next:** " + nextAction));
  }
}
