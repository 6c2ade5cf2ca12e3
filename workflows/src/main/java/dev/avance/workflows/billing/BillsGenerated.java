package dev.avance.workflows.billing;

/** What {@link BillingActivities#generate} wrote: bills created, lines and their cents. */
public record BillsGenerated(int bills, int lines, long billedCents) {}
