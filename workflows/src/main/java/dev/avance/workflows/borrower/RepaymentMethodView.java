package dev.avance.workflows.borrower;

import java.time.Instant;
import java.time.LocalDate;

/** A stored repayment method; SDD ones carry their SEPA mandate. */
public record RepaymentMethodView(
    String id,
    String borrowerId,
    PaymentMethod paymentMethod,
    String status,
    boolean isDefault,
    String iban,
    String bic,
    String businessEmail,
    LocalDate representativeBirthDate,
    String representativeNationality,
    String representativeCountryOfResidence,
    String mandateReference,
    Instant mandateSignedAt,
    boolean applyToAllActiveLoans,
    String name,
    Instant createdAt) {}
