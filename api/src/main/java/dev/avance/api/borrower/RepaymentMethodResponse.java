package dev.avance.api.borrower;

import dev.avance.workflows.borrower.PaymentMethod;
import dev.avance.workflows.borrower.RepaymentMethodView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** A repayment method as the API returns it. */
public record RepaymentMethodResponse(
    String id,
    @Schema(implementation = PaymentMethod.class) String paymentMethod,
    @Schema(description = "READY once usable.", allowableValues = "READY") String status,
    @Schema(description = "Whether it is the borrower's default method.") boolean isMain,
    @Schema(description = "The account Avance debits, if any.") Account accountToDebit,
    @Schema(description = "SCT: the borrower's virtual IBAN to transfer repayments to.")
        Account accountToCredit,
    String businessEmail,
    LegalRepresentative legalRepresentative,
    @Schema(description = "DIRECT_DEBIT: the SEPA mandate.") Mandate mandate,
    boolean applyToAllActiveLoans,
    String name,
    Instant createdAt) {

  /** IBAN and BIC. */
  @Schema(name = "RepaymentMethodAccount", description = "An IBAN and its bank's BIC.")
  public record Account(String accountNumber, String bankIdentifier) {}

  /** Who signed the mandate. */
  @Schema(description = "Who signed the SEPA mandate.")
  public record LegalRepresentative(
      LocalDate birthDate, String nationality, String countryOfResidence) {}

  /** The SEPA Direct Debit mandate. */
  @Schema(description = "The SEPA Direct Debit mandate.")
  public record Mandate(
      @Schema(description = "The unique mandate reference (UMR).") String reference,
      Instant signedAt) {}

  static RepaymentMethodResponse of(RepaymentMethodView m, Account virtualAccount) {
    boolean sdd = m.mandateReference() != null;
    Account debit = m.iban() == null ? null : new Account(m.iban(), m.bic());
    return new RepaymentMethodResponse(
        m.id(),
        m.paymentMethod().name(),
        m.status(),
        m.isDefault(),
        debit,
        sdd ? null : virtualAccount,
        m.businessEmail(),
        m.representativeBirthDate() == null
            ? null
            : new LegalRepresentative(
                m.representativeBirthDate(),
                m.representativeNationality(),
                m.representativeCountryOfResidence()),
        sdd ? new Mandate(m.mandateReference(), m.mandateSignedAt()) : null,
        m.applyToAllActiveLoans(),
        m.name(),
        m.createdAt());
  }
}
