package dev.avance.activities.bank;

import dev.avance.bank.Channel;
import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.Iso20022;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a payment's file is written, in the payment's own transaction: the file is valid against
 * its XSD or the transaction fails; once it commits, the file is handed to the bank at once, and by
 * the relay if that fails or the process dies first.
 */
public class BankOutbox {
  private static final Logger log = LoggerFactory.getLogger(BankOutbox.class);
  private final BankMessageRepository messages;
  private final BankOutboxSender sender;

  /**
   * Files sent straight after their commit at once. Spring's afterCommit still holds the payment's
   * connection and the send takes one or two more (its own transaction, the simulator's): with
   * every activity thread sending at once (a restart resuming a burst of payouts) the pool ran dry
   * and every thread waited for the others. Past this many, a file is left to the relay, which
   * sends one at a time.
   */
  private final Semaphore immediateSends = new Semaphore(2);

  public BankOutbox(BankMessageRepository messages, BankOutboxSender sender) {
    this.messages = messages;
    this.sender = sender;
  }

  /** Writes the message PENDING (once per message id); must run in a transaction. */
  public long write(Channel channel, BankMessage message, int payments, Instant at) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException(
          "an outgoing bank file is written in its payment's transaction");
    }
    byte[] xml = Iso20022.write(message);
    long id =
        messages.insertOut(channel, message.type().code(), message.messageId(), xml, payments, at);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            if (!immediateSends.tryAcquire()) {
              return; // committed PENDING: the relay sends it
            }
            try {
              sender.send(id);
            } catch (RuntimeException e) {
              // Committed PENDING: the relay sends it. The payment itself is done.
              log.warn("Bank file {} left to the relay: {}", id, e.getClass().getName());
            } finally {
              immediateSends.release();
            }
          }
        });
    return id;
  }
}
