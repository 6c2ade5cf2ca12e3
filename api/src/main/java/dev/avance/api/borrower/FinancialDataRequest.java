package dev.avance.api.borrower;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/** POST /borrower/{id}/financial-data: data that can raise the credit line. */
@Schema(description = "At least one field.")
public record FinancialDataRequest(
    @Schema(description = "Annual revenue in euro cents.", example = "500000000")
        @PositiveOrZero
        @Max(100_000_000_000_000L)
        Long annualRevenue,
    @Schema(description = "Months of sales history shared with Avance.", example = "12")
        @PositiveOrZero
        @Max(1200)
        Integer salesHistoryMonths,
    @Schema(description = "Whether accounting data was shared.") Boolean accountingDataProvided) {}
