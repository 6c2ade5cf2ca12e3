package dev.avance.api.ops;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A credit received on a borrower's virtual IBAN, as operators see it. */
public record IncomingCreditResponse(
    @Schema(description = "The bank's reference of the credit.") String bankReference,
    Instant receivedAt,
    @Schema(description = "Amount in cents.") long amount,
    String currency,
    String toIban,
    String fromIban,
    String remittanceInformation,
    IncomingCreditStatus status,
    @Schema(
            description =
                "Why it was parked: `NO_MATCHING_REFERENCE`, or `LOAN_NOT_OPEN <loan id>` when"
                    + " the loan it named had ended. Kept after an operator assigns it.")
        String parkedReason,
    @Schema(description = "The loan it repays, once MATCHED.") String loanId,
    @Schema(description = "The borrower whose virtual IBAN received it, if any.") String borrowerId,
    String platformId) {}
