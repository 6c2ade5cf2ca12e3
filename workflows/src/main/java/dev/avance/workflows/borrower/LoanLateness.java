package dev.avance.workflows.borrower;

/** Signal: one of the borrower's loans became late ({@code late}) or was repaid after being so. */
public record LoanLateness(String loanId, boolean late) {}
