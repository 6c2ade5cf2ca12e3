package dev.avance.api.ops;

import jakarta.validation.constraints.NotBlank;

/** POST /ops/incoming-credit/{bank_reference}/assignment: the loan the parked credit repays. */
public record AssignCreditRequest(@NotBlank String loanId) {}
