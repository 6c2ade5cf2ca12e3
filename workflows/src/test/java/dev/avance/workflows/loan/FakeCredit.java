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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the loan's reservation steps; can refuse the reservation with a failure type. */
class FakeCredit implements CreditLineActivities {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<ReservationChange> repayments = new CopyOnWriteArrayList<>();
  volatile String refuseWith;
  private volatile long reserved;

  @Override
  public Reservation reserve(ReserveCredit command) {
    calls.add("reserve");
    reserved = command.amountCents();
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

  /**
   * As the real one: what the repayment keyed {@code reason} applied is outstanding again, once; a
   * key never applied, or reinstated already, changes nothing.
   */
  @Override
  public Reservation reinstate(ReservationChange command) {
    calls.add("reinstate");
    reinstated.add(command);
    long outstanding = reserved;
    Set<String> undone = new HashSet<>();
    for (ReservationChange r : reinstated) {
      undone.add(r.reason());
    }
    Set<String> seen = new HashSet<>();
    for (ReservationChange r : repayments) {
      if (seen.add(r.reason()) && !undone.contains(r.reason())) {
        outstanding -= r.amountCents();
      }
    }
    return new Reservation(
        command.loanId(), null, reserved, outstanding, ReservationStatus.CONFIRMED);
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
