package dev.avance.workflows.borrower;

import java.util.List;

/** Activity output: the borrower's loans that are not repaid or ended yet. */
public record ActiveLoans(List<String> loanIds) {}
