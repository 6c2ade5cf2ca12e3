package dev.avance.api.borrower;

import dev.avance.workflows.borrower.RepaymentMethodView;
import java.time.Instant;
import java.time.LocalDate;

/** A repayment method as the API returns it. */
public record RepaymentMethodResponse(
    String id,
    String paymentMethod,
    String status,
    boolean isMain,
    Account accountToDebit,
    Account accountToCredit,
    String businessEmail,
    LegalRepresentative legalRepresentative,
    Mandate mandate,
    boolean applyToAllActiveLoans,
    String name,
    Instant createdAt) {

  /** IBAN and BIC. */
  public record Account(String accountNumber, String bankIdentifier) {}

  /** Who signed the mandate. */
  public record LegalRepresentative(
      LocalDate birthDate, String nationality, String countryOfResidence) {}

  /** The SEPA Direct Debit mandate. */
  public record Mandate(String reference, Instant signedAt) {}

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
