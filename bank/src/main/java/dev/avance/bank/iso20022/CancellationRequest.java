package dev.avance.bank.iso20022;

import java.time.Instant;

/**
 * camt.055: Avance asks its bank to withdraw one payment it sent and the bank has not executed
 * (e.g. a direct debit whose loan was repaid by transfer meanwhile). {@code messageId} is the
 * assignment id, {@code caseId} the case the answer (camt.029) refers to.
 *
 * @param assigner Avance (the account holder asking)
 * @param reasonCode the cancellation reason, e.g. {@code CUST} (asked by the customer) or {@code
 *     DUPL}
 */
public record CancellationRequest(
    String messageId,
    Instant createdAt,
    String caseId,
    Party assigner,
    String originalMessageId,
    MessageType originalType,
    String originalEndToEndId,
    long amountCents,
    String reasonCode)
    implements BankMessage {

  @Override
  public MessageType type() {
    return MessageType.CAMT_055;
  }
}
