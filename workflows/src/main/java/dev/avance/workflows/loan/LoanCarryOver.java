package dev.avance.workflows.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The whole state of a paid-out loan, carried into its next run when it continues as new: the next
 * run goes on where this one stopped, its events numbered on from the same sequence.
 *
 * @param awaitingFees true when the principal is repaid and the loan waits for billing's signal,
 *     false while it is being repaid
 * @param unappliedTransfers transfers told to the old run and not applied yet, applied by the new
 *     one
 * @param pendingReturn a return told to the old run that its loop has not acted on yet
 * @param writtenOff the write-off the loan was told of, null if none
 * @param writeOffTaken the loan acted on it: no more timers
 */
public record LoanCarryOver(
    LoanStatus status,
    long outstandingCents,
    LocalDate toRepayAt,
    Instant paidAt,
    boolean late,
    boolean wasLate,
    boolean postponed,
    boolean debitInstructed,
    RepaymentSetup repayment,
    RepaymentSetup newRepayment,
    int dueDateVersion,
    int dunning,
    DelinquencyStage stage,
    String settledDebit,
    DebitReturned pendingReturn,
    int eventSequence,
    String lastIndexed,
    List<TransferReceived> unappliedTransfers,
    List<String> appliedTransfers,
    List<String> handledReturns,
    boolean withdrawalAsked,
    boolean awaitingFees,
    boolean feesSettled,
    WrittenOff writtenOff,
    boolean writeOffTaken) {}
