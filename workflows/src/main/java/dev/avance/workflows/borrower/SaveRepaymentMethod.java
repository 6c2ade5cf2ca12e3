package dev.avance.workflows.borrower;

import java.time.Instant;

/** Activity input: store a repayment method under the id the workflow chose (idempotent). */
public record SaveRepaymentMethod(
    String methodId, String borrowerId, String platformId, AddRepaymentMethod method, Instant at) {}
