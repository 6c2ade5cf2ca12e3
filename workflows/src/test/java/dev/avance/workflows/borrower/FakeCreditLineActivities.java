package dev.avance.workflows.borrower;

import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.credit.CreditLineStatus;
import dev.avance.workflows.credit.CreditLineView;
import dev.avance.workflows.credit.OpenCreditLine;
import dev.avance.workflows.credit.Reservation;
import dev.avance.workflows.credit.ReservationChange;
import dev.avance.workflows.credit.ReserveCredit;
import dev.avance.workflows.credit.SetCreditLineStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A credit line kept in memory: what the borrower's workflow opened, rescored or expired. */
class FakeCreditLineActivities implements CreditLineActivities {
  final List<OpenCreditLine> opened = new CopyOnWriteArrayList<>();
  final List<SetCreditLineStatus> statusChanges = new CopyOnWriteArrayList<>();
  volatile CreditLineView line;

  @Override
  public CreditLineView open(OpenCreditLine command) {
    opened.add(command);
    line =
        new CreditLineView(
            command.borrowerId(),
            command.platformId(),
            command.maxAmountCents(),
            command.maxAmountCents(),
            0,
            0,
            new BigDecimal("0.05"),
            CreditLineStatus.ACTIVE,
            null,
            command.expiresAt(),
            command.at());
    return line;
  }

  @Override
  public CreditLineView setStatus(SetCreditLineStatus command) {
    statusChanges.add(command);
    CreditLineView l = line;
    line =
        new CreditLineView(
            l.borrowerId(),
            l.platformId(),
            l.maxAmountCents(),
            l.availableAmountCents(),
            0,
            0,
            l.feesDailyRatePercent(),
            command.status(),
            command.statusReason(),
            l.expiresAt(),
            command.at());
    return line;
  }

  @Override
  public Reservation reserve(ReserveCredit command) {
    throw new UnsupportedOperationException("not used by the borrower workflow");
  }

  @Override
  public Reservation confirm(ReservationChange command) {
    throw new UnsupportedOperationException("not used by the borrower workflow");
  }

  @Override
  public Reservation release(ReservationChange command) {
    throw new UnsupportedOperationException("not used by the borrower workflow");
  }

  @Override
  public Reservation repay(ReservationChange command) {
    throw new UnsupportedOperationException("not used by the borrower workflow");
  }

  @Override
  public Reservation reinstate(ReservationChange command) {
    throw new UnsupportedOperationException("borrowers never reinstate");
  }
}
