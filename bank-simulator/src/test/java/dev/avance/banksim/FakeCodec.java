package dev.avance.banksim;

import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.InvalidBankMessageException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for ISO 20022 XML while it is being written elsewhere: a message becomes a token, and
 * the token reads back as the same record.
 */
final class FakeCodec implements MessageCodec {
  private final List<BankMessage> messages = new CopyOnWriteArrayList<>();

  @Override
  public synchronized BankMessage read(byte[] xml) {
    String token = new String(xml, StandardCharsets.UTF_8);
    if (!token.startsWith("fake:")) {
      throw new InvalidBankMessageException("not a message");
    }
    return messages.get(Integer.parseInt(token.substring(5)));
  }

  @Override
  public synchronized byte[] write(BankMessage message) {
    messages.add(message);
    return ("fake:" + (messages.size() - 1)).getBytes(StandardCharsets.UTF_8);
  }
}
