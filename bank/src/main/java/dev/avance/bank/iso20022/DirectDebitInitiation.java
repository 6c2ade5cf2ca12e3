package dev.avance.bank.iso20022;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * pain.008: direct debits collected to Avance's account under mandates, one payment information
 * block (one scheme, one sequence type, one collection date).
 *
 * @param creditorSchemeId the SEPA creditor identifier (e.g. {@code FR72ZZZ123456})
 */
public record DirectDebitInitiation(
    String messageId,
    Instant createdAt,
    Party creditor,
    String creditorSchemeId,
    SddScheme scheme,
    SequenceType sequenceType,
    LocalDate collectionDate,
    List<DirectDebit> debits)
    implements BankMessage {

  @Override
  public MessageType type() {
    return MessageType.PAIN_008;
  }

  /** One collection under its mandate. */
  public record DirectDebit(
      String endToEndId,
      long amountCents,
      String mandateId,
      LocalDate mandateSignedOn,
      Party debtor,
      Remittance remittance) {}
}
