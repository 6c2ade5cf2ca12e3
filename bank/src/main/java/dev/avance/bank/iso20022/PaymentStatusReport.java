package dev.avance.bank.iso20022;

import java.time.Instant;
import java.util.List;

/**
 * pain.002: the bank's answer to a pain.001 or pain.008. {@code groupStatus} (nullable) applies to
 * the whole original message, e.g. RJCT for a file refused as a whole; each transaction's status
 * names its payment by the original EndToEndId.
 */
public record PaymentStatusReport(
    String messageId,
    Instant createdAt,
    String originalMessageId,
    MessageType originalType,
    TransactionStatus groupStatus,
    String groupReasonCode,
    List<TransactionStatusEntry> transactions)
    implements BankMessage {

  @Override
  public MessageType type() {
    return MessageType.PAIN_002;
  }

  /**
   * One payment's status. {@code statusId} is the bank's id of this status (StsId, may be null);
   * {@code reasonCode} the ISO reason (AC04, AM04, MS03...) of a rejection; {@code amountCents} the
   * original amount when the bank reports it (may be null).
   */
  public record TransactionStatusEntry(
      String statusId,
      String originalEndToEndId,
      TransactionStatus status,
      String reasonCode,
      Long amountCents) {}
}
