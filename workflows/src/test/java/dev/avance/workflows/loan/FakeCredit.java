package dev.avance.workflows.loan;

import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.CreditLineView;
import dev.avance.workflows.credit.OpenCreditLine;
import dev.avance.workflows.credit.Reservation;
import dev.avance.workflows.credit.ReservationChange;
import dev.avance.workflows.credit.ReservationStatus;
import dev.avance.workflows.credit.ReserveCredit;
import dev.avance.workflows.credit.SetCreditLineStatus;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the loan's reservation steps; can refuse the reservation with a failure type. */
class FakeCredit implements CreditLineActivities {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<ReservationChange> repayments = new CopyOnWriteArrayList<>();
  volatile String refuseWith;

  @Override
  public Reservation reserve(ReserveCredit command) {
    calls.add("reserve");
    if (refuseWith != null) {
      throw ApplicationFailure.newNonRetryableFailure("refused", refuseWith);
    }
    return new Reservation(
        command.loanId(),
        command.borrowerId(),
        command.amountCents(),
        command.amountCents(),
        ReservationStatus.PENDING);
  }

  @Override
  public Reservation confirm(ReservationChange command) {
    calls.add("confirm");
    return null;
  }

  @Override
  public Reservation release(ReservationChange command) {
    calls.add("release");
    return null;
  }

  @Override
  public Reservation repay(ReservationChange command) {
    calls.add("repay");
    repayments.add(command);
    return null;
  }

  final List<ReservationChange> reinstated = new CopyOnWriteArrayList<>();

  /** Outstanding after a reinstatement: what the test says the returned debit had applied. */
  volatile long outstandingAfterReinstate;

  @Override
  public Reservation reinstate(ReservationChange command) {
    calls.add("reinstate");
    reinstated.add(command);
    return new Reservation(
        command.loanId(),
        null,
        outstandingAfterReinstate,
        outstandingAfterReinstate,
        ReservationStatus.CONFIRMED);
  }

  @Override
  public CreditLineView open(OpenCreditLine command) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CreditLineView setStatus(SetCreditLineStatus command) {
    throw new UnsupportedOperationException();
  }
}
