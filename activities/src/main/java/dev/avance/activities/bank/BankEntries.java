package dev.avance.activities.bank;

import dev.avance.bank.Channel;
import dev.avance.bank.iso20022.AccountEntries;
import dev.avance.bank.iso20022.AccountEntries.Entry;
import dev.avance.bank.iso20022.AccountEntries.EntryDetail;
import dev.avance.bank.iso20022.AccountStatement;
import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.CancellationResolution;
import dev.avance.bank.iso20022.DebitCreditNotification;
import dev.avance.bank.iso20022.InvalidBankMessageException;
import dev.avance.bank.iso20022.PaymentStatusReport;
import dev.avance.bank.iso20022.PaymentStatusReport.TransactionStatusEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Flattens an incoming file into its entries, each with a business key that is the same whichever
 * file reports it: a payment's status by (EndToEndId, status); a booking by the bank's reference of
 * the transaction (AcctSvcrRef), so that a camt.053 repeating a camt.054's booking, or a file sent
 * twice under two message ids, applies it once; a withdrawal answer by (case, status). Keys carry
 * the channel and the account: the sandbox can never shadow a live entry.
 */
final class BankEntries {
  /** What banks put in EndToEndId when the payer gave none. */
  static final String NOT_PROVIDED = "NOTPROVIDED";

  private BankEntries() {}

  static List<ParsedEntry> of(Channel channel, BankMessage message) {
    // Java 17: no pattern matching in switch yet.
    if (message instanceof PaymentStatusReport report) {
      return statuses(channel, report);
    }
    if (message instanceof DebitCreditNotification notification) {
      return bookings(channel, notification.notifications());
    }
    if (message instanceof AccountStatement statement) {
      return bookings(channel, statement.statements());
    }
    if (message instanceof CancellationResolution resolution) {
      return List.of(cancellation(channel, resolution));
    }
    throw new InvalidBankMessageException(
        "a " + message.type().code() + " is sent to the bank, not received from it");
  }

  private static List<ParsedEntry> statuses(Channel channel, PaymentStatusReport report) {
    List<ParsedEntry> entries = new ArrayList<>();
    for (TransactionStatusEntry tx : report.transactions()) {
      if (tx.status() == null || tx.originalEndToEndId() == null) {
        continue;
      }
      entries.add(
          new ParsedEntry(
              String.join(
                  "|", "status", channel.name(), tx.originalEndToEndId(), tx.status().name()),
              BankEntryKind.PAYMENT_STATUS,
              tx.originalEndToEndId(),
              report.originalMessageId(),
              tx.status(),
              null,
              tx.reasonCode() == null ? report.groupReasonCode() : tx.reasonCode(),
              tx.amountCents(),
              null,
              null,
              false,
              null,
              null,
              null,
              tx.statusId(),
              null,
              null,
              null));
    }
    if (entries.isEmpty() && report.groupStatus() != null && report.originalMessageId() != null) {
      entries.add(
          new ParsedEntry(
              String.join(
                  "|",
                  "file",
                  channel.name(),
                  report.originalMessageId(),
                  report.groupStatus().name()),
              BankEntryKind.FILE_STATUS,
              null,
              report.originalMessageId(),
              report.groupStatus(),
              null,
              report.groupReasonCode(),
              null,
              null,
              null,
              false,
              null,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    return entries;
  }

  private static List<ParsedEntry> bookings(Channel channel, List<AccountEntries> accounts) {
    List<ParsedEntry> entries = new ArrayList<>();
    for (AccountEntries account : accounts) {
      for (Entry entry : account.entries()) {
        List<EntryDetail> details =
            entry.details() == null || entry.details().isEmpty()
                ? List.of(
                    new EntryDetail(
                        null,
                        entry.accountServicerReference(),
                        entry.amountCents(),
                        null,
                        null,
                        null,
                        null))
                : entry.details();
        for (int i = 0; i < details.size(); i++) {
          EntryDetail detail = details.get(i);
          String reference = reference(account, entry, detail, i, details.size());
          String e2e =
              detail.endToEndId() == null || NOT_PROVIDED.equalsIgnoreCase(detail.endToEndId())
                  ? null
                  : detail.endToEndId();
          entries.add(
              new ParsedEntry(
                  String.join(
                      "|",
                      "booking",
                      channel.name(),
                      Objects.toString(account.accountIban(), "-"),
                      reference),
                  BankEntryKind.BOOKING,
                  e2e,
                  null,
                  null,
                  null,
                  detail.returnReasonCode(),
                  detail.amountCents(),
                  entry.currency(),
                  entry.creditDebit(),
                  entry.reversal(),
                  entry.status(),
                  entry.bookingDate() != null ? entry.bookingDate() : entry.valueDate(),
                  account.accountIban(),
                  reference,
                  entry.code(),
                  detail.counterparty(),
                  detail.remittance()));
        }
      }
    }
    return entries;
  }

  /**
   * The bank's reference of one transaction: its own AcctSvcrRef, else the entry's (with the
   * transaction's rank when the entry has several), else a digest of what identifies it.
   */
  private static String reference(
      AccountEntries account, Entry entry, EntryDetail detail, int index, int count) {
    if (detail.accountServicerReference() != null
        && !(count > 1
            && detail.accountServicerReference().equals(entry.accountServicerReference()))) {
      return detail.accountServicerReference();
    }
    String entryRef =
        entry.accountServicerReference() != null
            ? entry.accountServicerReference()
            : entry.entryReference();
    if (entryRef != null) {
      return count > 1 ? entryRef + "/" + index : entryRef;
    }
    return "sha256:"
        + digest(
            String.join(
                "|",
                Objects.toString(account.accountIban()),
                Objects.toString(entry.bookingDate()),
                Objects.toString(entry.creditDebit()),
                Boolean.toString(entry.reversal()),
                Long.toString(detail.amountCents()),
                Objects.toString(detail.endToEndId()),
                Objects.toString(detail.remittance()),
                Objects.toString(detail.counterparty()),
                Integer.toString(index)));
  }

  private static ParsedEntry cancellation(Channel channel, CancellationResolution resolution) {
    return new ParsedEntry(
        String.join(
            "|", "cancellation", channel.name(), resolution.caseId(), resolution.status().name()),
        BankEntryKind.CANCELLATION_ANSWER,
        resolution.originalEndToEndId(),
        resolution.originalMessageId(),
        null,
        resolution.status().name(),
        resolution.reasonCode(),
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        resolution.caseId(),
        null,
        null,
        null);
  }

  private static String digest(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
