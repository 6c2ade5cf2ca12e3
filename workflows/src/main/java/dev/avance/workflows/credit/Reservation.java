package dev.avance.workflows.credit;

/** A loan's reservation on a credit line, in euro cents. */
public record Reservation(
    String loanId,
    String borrowerId,
    long amountCents,
    long outstandingCents,
    ReservationStatus status) {}
