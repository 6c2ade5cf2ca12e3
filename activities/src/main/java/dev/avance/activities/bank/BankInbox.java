package dev.avance.activities.bank;

import dev.avance.activities.bank.BankMessageRepository.BankMessageRow;
import dev.avance.activities.bank.BankMessageRepository.Direction;
import dev.avance.bank.BankFileReceiver;
import dev.avance.bank.Channel;
import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.InvalidBankMessageException;
import dev.avance.bank.iso20022.Iso20022;
import dev.avance.bank.iso20022.MessageType;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the bank's files enter Avance, whoever brings them (the drop-folder poller, an operator's
 * upload, the bank simulator). A file is validated against its XSD before anything is written: an
 * invalid one is refused whole. A valid one is stored, once per (channel, message id), and its
 * entries are applied, each once by its business key, all in one transaction: the file is applied
 * entirely or not at all, and the same file twice changes nothing. Work for the workflows is left
 * as follow-ups, done by the relay after the commit (and at once, through {@link
 * FollowUpsPending}).
 */
public class BankInbox implements BankFileReceiver {
  /** What a bank sends; the rest Avance sends. */
  private static final Set<MessageType> INCOMING =
      Set.of(
          MessageType.PAIN_002, MessageType.CAMT_054, MessageType.CAMT_053, MessageType.CAMT_029);

  private final BankMessageRepository messages;
  private final BankEntryApplier applier;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public BankInbox(
      BankMessageRepository messages,
      BankEntryApplier applier,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      Clock clock) {
    this.messages = messages;
    this.applier = applier;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  /** Published after a file whose entries left follow-ups has committed. */
  public record FollowUpsPending(long messageId) {}

  /** A received file, with what became of its entries. */
  public record Applied(ReceivedFile file, Map<BankEntryOutcome, Integer> outcomes) {}

  @Override
  public ReceivedFile receive(Channel channel, byte[] xml) {
    return apply(channel, xml).file();
  }

  /**
   * Validates, stores and applies the file.
   *
   * @throws InvalidBankMessageException when it is not a valid incoming ISO 20022 message
   */
  public Applied apply(Channel channel, byte[] xml) {
    Objects.requireNonNull(channel, "channel");
    BankMessage message = Iso20022.read(xml);
    if (!INCOMING.contains(message.type())) {
      throw new InvalidBankMessageException(
          "a " + message.type().code() + " is sent to the bank, not received from it");
    }
    if (message.messageId() == null || message.messageId().isBlank()) {
      throw new InvalidBankMessageException("the message has no message id");
    }
    List<ParsedEntry> entries = BankEntries.of(channel, message);
    Applied applied =
        tx.execute(
            status -> {
              var existing = messages.find(Direction.IN, channel, message.messageId());
              if (existing.isPresent()) {
                return duplicate(existing.get());
              }
              var id =
                  messages.insertIn(
                      channel, message.type().code(), message.messageId(), xml, clock.instant());
              if (id.isEmpty()) {
                // Received concurrently by another node: that one applies it.
                return duplicate(
                    messages.find(Direction.IN, channel, message.messageId()).orElseThrow());
              }
              Map<BankEntryOutcome, Integer> outcomes = new EnumMap<>(BankEntryOutcome.class);
              for (int i = 0; i < entries.size(); i++) {
                BankEntryOutcome outcome =
                    applier.apply(id.get(), i, channel, entries.get(i), message.createdAt());
                outcomes.merge(outcome, 1, Integer::sum);
              }
              messages.setEntries(id.get(), entries.size());
              if (outcomes.containsKey(BankEntryOutcome.CREDIT_RECEIVED)
                  || outcomes.containsKey(BankEntryOutcome.APPLIED)) {
                events.publishEvent(new FollowUpsPending(id.get()));
              }
              return new Applied(
                  new ReceivedFile(
                      id.get(), message.messageId(), message.type().code(), false, entries.size()),
                  outcomes);
            });
    return Objects.requireNonNull(applied);
  }

  private static Applied duplicate(BankMessageRow row) {
    return new Applied(
        new ReceivedFile(row.id(), row.messageId(), row.type(), true, row.entries()), Map.of());
  }
}
