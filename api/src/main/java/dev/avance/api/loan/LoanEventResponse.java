package dev.avance.api.loan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One entry of a loan's history. */
public record LoanEventResponse(
    long id,
    @Schema(description = "`loan.<STATUS>` as the loan entered it.", example = "loan.TO_REPAY")
        String eventType,
    Instant occurredAt) {}
