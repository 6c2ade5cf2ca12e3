package dev.avance.api.borrower;

import dev.avance.workflows.borrower.PaymentMethod;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** POST /borrower/{id}/repayment-methods. */
public record RepaymentMethodRequest(
    @Schema(description = "DIRECT_DEBIT: Avance debits the borrower; SCT: transfers.") @NotNull
        PaymentMethod paymentMethod,
    @Schema(
            description =
                "The account to debit: required for DIRECT_DEBIT (SEPA CORE); for SCT an"
                    + " optional wallet that Avance debits on the due date under a SEPA B2B"
                    + " mandate (without one, repayments are transfers to the virtual IBAN).")
        @Valid
        Account fromAccount,
    @Schema(description = "Required for DIRECT_DEBIT.", example = "cfo@acme.test")
        @Email
        @Size(max = 254)
        String businessEmail,
    @Schema(description = "Required for DIRECT_DEBIT: who signs the SEPA mandate.") @Valid
        LegalRepresentative legalRepresentative,
    @Schema(description = "Make it the borrower's default method for new loans.")
        Boolean isDefaultRepaymentMethod,
    @Schema(description = "Also use it for the borrower's loans already running.")
        Boolean applyToAllActiveLoans,
    @Schema(description = "A label of your own.") @Size(max = 100) String name) {

  /** A bank account: the IBAN and the bank's BIC. */
  @Schema(name = "RepaymentMethodAccountRequest", description = "An IBAN and its bank's BIC.")
  public record Account(
      @Schema(description = "The IBAN.", example = "FR1420041010050500013M02606") @Size(max = 42)
          String accountNumber,
      @Schema(description = "The BIC (8 or 11 characters).", example = "PSSTFRPPPAR")
          @Size(max = 11)
          String bankIdentifier,
      @Schema(description = "The account's kind, as a label of your own.") String type) {}

  /** The legal representative who signs the SEPA mandate. */
  @Schema(name = "LegalRepresentativeRequest")
  public record LegalRepresentative(
      @Schema(description = "An adult's birth date.", example = "1980-05-17") LocalDate birthDate,
      @Schema(description = "ISO 3166-1 alpha-3.", example = "FRA") @Size(max = 3)
          String nationality,
      @Schema(description = "ISO 3166-1 alpha-3.", example = "FRA") @Size(max = 3)
          String countryOfResidence) {}
}
