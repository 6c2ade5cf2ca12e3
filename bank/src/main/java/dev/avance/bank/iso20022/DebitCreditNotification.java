package dev.avance.bank.iso20022;

import java.time.Instant;
import java.util.List;

/** camt.054: bookings notified as they happen, on any day after the payment. */
public record DebitCreditNotification(
    String messageId, Instant createdAt, List<AccountEntries> notifications)
    implements BankMessage {

  @Override
  public MessageType type() {
    return MessageType.CAMT_054;
  }
}
