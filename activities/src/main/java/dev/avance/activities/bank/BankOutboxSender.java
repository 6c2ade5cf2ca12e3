package dev.avance.activities.bank;

import dev.avance.activities.bank.BankMessageRepository.PendingFile;
import dev.avance.bank.BankFile;
import dev.avance.bank.iso20022.MessageType;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands the outbox's pending files to the bank, at least once: each file in its own transaction
 * that locks its row, sends it, and marks it SENT. A crash after the bank took the file and before
 * that commit leaves it PENDING, and it is sent again: the bank takes a message id once and each
 * payment once by its EndToEndId, so the window costs a duplicate file, never a duplicate payment.
 */
public class BankOutboxSender {
  private static final Logger log = LoggerFactory.getLogger(BankOutboxSender.class);
  private static final int BATCH = 50;

  private final BankMessageRepository messages;
  private final BankConnectors connectors;
  private final TransactionTemplate tx;
  private final Clock clock;

  public BankOutboxSender(
      BankMessageRepository messages,
      BankConnectors connectors,
      TransactionTemplate tx,
      Clock clock) {
    this.messages = messages;
    this.connectors = connectors;
    this.tx = tx;
    this.clock = clock;
  }

  /** Sends one file now (just after the transaction that wrote it); true when the bank took it. */
  public boolean send(long id) {
    return Boolean.TRUE.equals(
        tx.execute(status -> sendClaimed(messages.claimPending(id, null, 1))));
  }

  /**
   * Tries every pending file once, oldest first, up to a batch; returns how many the bank took. A
   * file the bank refuses is passed over, not waited for: the files behind it (another channel's,
   * whose bank is up) still go.
   */
  public int sendPending() {
    int sent = 0;
    long after = 0;
    for (int tried = 0; tried < BATCH; tried++) {
      long from = after;
      Attempt attempt =
          tx.execute(
              status -> {
                List<PendingFile> claimed = messages.claimPending(null, from, 1);
                return claimed.isEmpty()
                    ? null
                    : new Attempt(claimed.get(0).id(), sendClaimed(claimed));
              });
      if (attempt == null) {
        return sent;
      }
      after = attempt.id();
      if (attempt.taken()) {
        sent++;
      }
    }
    // The rest waits for the next relay tick.
    return sent;
  }

  private record Attempt(long id, boolean taken) {}

  private boolean sendClaimed(List<PendingFile> claimed) {
    if (claimed.isEmpty()) {
      return false;
    }
    PendingFile file = claimed.get(0);
    try {
      MessageType type =
          MessageType.byCode(file.type())
              .orElseThrow(() -> new IllegalStateException("unknown type " + file.type()));
      connectors.of(file.channel()).send(new BankFile(type, file.messageId(), file.xml()));
      messages.markSent(file.id(), clock.instant());
      return true;
    } catch (RuntimeException e) {
      log.warn(
          "Bank file {} ({}) not sent yet: {}", file.id(), file.type(), e.getClass().getName());
      messages.markFailedAttempt(file.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
      return false;
    }
  }
}
