package dev.avance.workflows.borrower;

import java.time.Instant;

/** Activity input: store a financial-data submission, keyed by its request id. */
public record SaveFinancialData(
    String borrowerId, String platformId, SubmitFinancialData data, Instant at) {}
