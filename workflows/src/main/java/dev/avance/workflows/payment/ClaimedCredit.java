package dev.avance.workflows.payment;

/** Activity output: the parked credit, and the platform of the open loan it may repay. */
public record ClaimedCredit(IncomingCredit credit, String platformId) {}
