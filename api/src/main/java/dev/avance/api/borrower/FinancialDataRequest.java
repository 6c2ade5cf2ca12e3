package dev.avance.api.borrower;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/** POST /borrower/{id}/financial-data: data that can raise the credit line. */
public record FinancialDataRequest(
    @PositiveOrZero Long annualRevenue,
    @PositiveOrZero @Max(1200) Integer salesHistoryMonths,
    Boolean accountingDataProvided) {}
