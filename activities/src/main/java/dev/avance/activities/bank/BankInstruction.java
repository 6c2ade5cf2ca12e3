package dev.avance.activities.bank;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One payment handed to the bank. {@code paymentId} is the bank's idempotency key (a real bank's
 * end-to-end id or idempotency header): the bank accepts each payment id at most once.
 *
 * @param executionDate the requested execution date of a payout (null: as soon as possible) or the
 *     collection date of a direct debit (required)
 * @param mandateReference the SEPA mandate of a direct debit (required for {@link
 *     BankDirection#DEBIT})
 * @param remittanceInformation what the counterparty sees on its statement (e.g. the loan's
 *     reference)
 */
public record BankInstruction(
    String paymentId,
    BankDirection direction,
    long amountCents,
    String iban,
    String bic,
    String mandateReference,
    String remittanceInformation,
    LocalDate executionDate) {

  public BankInstruction {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(iban, "iban");
    if (amountCents <= 0) {
      throw new IllegalArgumentException("amountCents must be positive: " + amountCents);
    }
    if (direction == BankDirection.DEBIT) {
      Objects.requireNonNull(mandateReference, "a direct debit needs its mandateReference");
      Objects.requireNonNull(executionDate, "a direct debit needs its collection date");
    }
  }
}
