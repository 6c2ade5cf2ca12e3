package dev.avance.workflows.billing;

/** What {@link BillingActivities#recordPayments} changed. */
public record PaymentsRecorded(int billsPaid, int paymentsFailed, int loansClosed) {}
