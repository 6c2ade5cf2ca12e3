package dev.avance.workflows.borrower;

/** Output of activities that only acknowledge. */
public record Done(boolean changed) {}
