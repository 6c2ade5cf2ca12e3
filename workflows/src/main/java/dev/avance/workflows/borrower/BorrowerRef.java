package dev.avance.workflows.borrower;

/** Activity input naming one borrower of one platform. */
public record BorrowerRef(String borrowerId, String platformId) {}
