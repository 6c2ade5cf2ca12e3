package dev.avance.api.loan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** What repays a loan in full on a given day; amounts in euro cents. */
public record PayoffResponse(
    String loanId,
    @Schema(description = "The day of the repayment (Europe/Paris).") LocalDate date,
    @Schema(description = "The principal not repaid yet.", example = "60001") long principal,
    @Schema(
            description =
                "Interest not yet billed, from the payout day (or the end of the last bill) to"
                    + " `date` (exclusive; at least the payout day), rounded once as the next"
                    + " bill will.",
            example = "450")
        long interest,
    @Schema(
            description = "The same interest before rounding, in cents (4 decimals).",
            example = "450.0075")
        String interestExact,
    @Schema(description = "Interest on bills not paid yet.", example = "1130")
        long billedInterestUnpaid,
    @Schema(
            description =
                "Penalties on late principal (with a penalty rate set, else 0): those billed and"
                    + " not paid, and those the next bill would charge up to `date`.",
            example = "0")
        long penalties,
    @Schema(
            description = "principal + interest + billed_interest_unpaid + penalties.",
            example = "61581")
        long total,
    @Schema(example = "EUR") String currency) {}
