package dev.avance.banksim;

import dev.avance.bank.BankFileReceiver;
import dev.avance.bank.Channel;
import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.InvalidBankMessageException;
import dev.avance.bank.iso20022.Iso20022;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Avance's inbox as the tests see it: records every file handed to it, in order, read back with the
 * Iso20022; can be told to fail.
 */
final class RecordingReceiver implements BankFileReceiver {
  private final List<BankMessage> received = new ArrayList<>();
  private final List<Channel> channels = new ArrayList<>();
  private int failuresLeft;
  private Predicate<BankMessage> invalid = m -> false;

  /** The next {@code n} deliveries throw, as an inbox whose database is down would. */
  synchronized void failNext(int n) {
    failuresLeft = n;
  }

  /** Files matching {@code test} are refused as invalid, every time. */
  synchronized void refuse(Predicate<BankMessage> test) {
    invalid = test;
  }

  @Override
  public synchronized ReceivedFile receive(Channel channel, byte[] xml) {
    BankMessage message = Iso20022.read(xml);
    if (invalid.test(message)) {
      throw new InvalidBankMessageException("refused by the test");
    }
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new IllegalStateException("inbox down");
    }
    received.add(message);
    channels.add(channel);
    return new ReceivedFile(received.size(), message.messageId(), message.type().code(), false, 1);
  }

  synchronized List<BankMessage> received() {
    return List.copyOf(received);
  }

  synchronized List<Channel> channels() {
    return List.copyOf(channels);
  }

  @SuppressWarnings("unchecked")
  synchronized <T extends BankMessage> List<T> received(Class<T> type) {
    return received.stream().filter(type::isInstance).map(m -> (T) m).toList();
  }

  synchronized void clear() {
    received.clear();
    channels.clear();
  }
}
