package dev.avance.api.loan;

import dev.avance.workflows.borrower.PaymentMethod;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** Where and how to repay a loan by transfer: the IBAN, the BIC, the reference to quote. */
public record RepaymentDetailsResponse(
    String loanId,
    @Schema(description = "The borrower's virtual IBAN to transfer to.") String accountNumber,
    @Schema(description = "Its BIC.", example = "AVNCFRPPXXX") String bankIdentifier,
    @Schema(
            description =
                "The ISO 11649 reference to quote in the transfer's remittance information.",
            example = "RF18539007547034")
        String reference,
    @Schema(description = "The principal still due, in cents.") long amountDue,
    @Schema(example = "EUR") String currency,
    @Schema(description = "The repayment day.") LocalDate dueDate,
    @Schema(implementation = PaymentMethod.class) String paymentMethod) {}
