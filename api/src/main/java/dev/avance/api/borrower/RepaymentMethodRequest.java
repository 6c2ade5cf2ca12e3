package dev.avance.api.borrower;

import dev.avance.workflows.borrower.PaymentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** POST /borrower/{id}/repayment-methods. */
public record RepaymentMethodRequest(
    @NotNull PaymentMethod paymentMethod,
    @Valid Account fromAccount,
    @Email @Size(max = 254) String businessEmail,
    @Valid LegalRepresentative legalRepresentative,
    Boolean isDefaultRepaymentMethod,
    Boolean applyToAllActiveLoans,
    @Size(max = 100) String name) {

  /** A bank account: the IBAN and the bank's BIC. */
  public record Account(
      @Size(max = 42) String accountNumber, @Size(max = 11) String bankIdentifier, String type) {}

  /** The legal representative who signs the SEPA mandate. */
  public record LegalRepresentative(
      LocalDate birthDate,
      @Size(max = 3) String nationality,
      @Size(max = 3) String countryOfResidence) {}
}
