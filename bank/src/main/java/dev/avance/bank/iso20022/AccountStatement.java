package dev.avance.bank.iso20022;

import java.time.Instant;
import java.util.List;

/** camt.053: the day's statement of an account; read only (Avance never writes one). */
public record AccountStatement(String messageId, Instant createdAt, List<AccountEntries> statements)
    implements BankMessage {

  @Override
  public MessageType type() {
    return MessageType.CAMT_053;
  }
}
