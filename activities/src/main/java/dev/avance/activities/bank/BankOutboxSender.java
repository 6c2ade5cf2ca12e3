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
    return Boolean.TRUE.equals(tx.execute(status -> sendClaimed(messages.claimPending(id, 1))));
  }

  /** Sends every pending file, a batch at a time; returns how many the bank took. */
  public int sendPending() {
    int sent = 0;
    while (sent < BATCH) {
      Boolean taken = tx.execute(status -> sendClaimed(messages.claimPending(null, 1)));
      if (!Boolean.TRUE.equals(taken)) {
        // Nothing left, or the bank refused or is down: the next relay tick tries again.
        return sent;
      }
      sent++;
    }
    return sent;
  }

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
