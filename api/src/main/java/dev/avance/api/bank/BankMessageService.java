package dev.avance.api.bank;

import dev.avance.activities.bank.BankEntryRepository;
import dev.avance.activities.bank.BankInbox;
import dev.avance.activities.bank.BankMessageRepository;
import dev.avance.activities.bank.BankMessageRepository.BankMessageRow;
import dev.avance.activities.bank.BankMessageRepository.Direction;
import dev.avance.api.auth.Operator;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.ops.OperatorAudit;
import dev.avance.bank.Channel;
import dev.avance.bank.iso20022.InvalidBankMessageException;
import java.util.List;
import org.springframework.stereotype.Service;

/** The operators' view of the bank boundary, and their upload of the bank's files. */
@Service
public class BankMessageService {
  private final BankMessageRepository messages;
  private final BankEntryRepository entries;
  private final BankInbox inbox;
  private final OperatorAudit audit;

  public BankMessageService(
      BankMessageRepository messages,
      BankEntryRepository entries,
      BankInbox inbox,
      OperatorAudit audit) {
    this.messages = messages;
    this.entries = entries;
    this.inbox = inbox;
    this.audit = audit;
  }

  public PageResponse<BankMessageResponse> list(
      Direction direction, Channel channel, PageRequest page) {
    Long after;
    try {
      after = page.afterId() == null ? null : Long.valueOf(page.afterId());
    } catch (NumberFormatException e) {
      throw ApiException.invalidField(
          "cursor", "invalid_value", "is not a cursor returned by this list");
    }
    List<BankMessageRow> rows =
        messages.list(direction, channel, page.ascending(), after, page.fetchSize());
    boolean more = rows.size() > page.pageSize();
    List<BankMessageRow> shown = more ? rows.subList(0, page.pageSize()) : rows;
    String next =
        more
            ? page.cursorAfter(
                shown.get(shown.size() - 1).createdAt(),
                Long.toString(shown.get(shown.size() - 1).id()))
            : null;
    return new PageResponse<>(shown.stream().map(BankMessageResponse::of).toList(), next);
  }

  /** A file's id from its path: any id that names no file is not found, like an unknown one. */
  static long id(String id) {
    try {
      long parsed = Long.parseLong(id);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Not a number: no such file.
    }
    throw ApiException.notFound("Bank message " + id);
  }

  public BankMessageRow get(long id) {
    return messages.find(id).orElseThrow(() -> ApiException.notFound("Bank message " + id));
  }

  public byte[] xml(long id) {
    return messages.xml(id).orElseThrow(() -> ApiException.notFound("Bank message " + id));
  }

  public List<BankEntryResponse> entries(long id) {
    get(id);
    return entries.ofMessage(id).stream().map(BankEntryResponse::of).toList();
  }

  /** A file from the live bank, uploaded by an operator: the same path as the drop folder's. */
  public ReceivedBankMessageResponse receive(Operator operator, byte[] xml) {
    try {
      BankInbox.Applied applied = inbox.apply(Channel.LIVE, xml);
      audit.record(
          operator,
          "bank_message.receive",
          null,
          applied.file().messageId(),
          OperatorAudit.details(
              "type",
              applied.file().type(),
              "duplicate",
              Boolean.toString(applied.file().duplicate())));
      return new ReceivedBankMessageResponse(
          applied.file().id(),
          applied.file().messageId(),
          applied.file().type(),
          applied.file().duplicate(),
          applied.file().entries(),
          applied.outcomes());
    } catch (InvalidBankMessageException e) {
      throw new ApiException(ErrorCode.INVALID_BANK_MESSAGE, e.getMessage());
    }
  }
}
