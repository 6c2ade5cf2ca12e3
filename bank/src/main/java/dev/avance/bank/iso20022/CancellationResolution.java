package dev.avance.bank.iso20022;

import java.time.Instant;

/**
 * camt.029: the bank's answer to a cancellation request: CNCL (the payment is cancelled, it will
 * not be executed), RJCR (the request is rejected, the payment goes on or has gone) or PDCR
 * (pending). {@code reasonCode} says why a request was rejected (e.g. {@code ARDT}: already
 * returned or executed).
 */
public record CancellationResolution(
    String messageId,
    Instant createdAt,
    String caseId,
    Status status,
    String originalMessageId,
    String originalEndToEndId,
    String reasonCode)
    implements BankMessage {

  @Override
  public MessageType type() {
    return MessageType.CAMT_029;
  }

  public enum Status {
    CNCL,
    RJCR,
    PDCR
  }
}
