package dev.avance.activities.bank;

import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.activities.billing.BillRepository;
import dev.avance.activities.ledger.LedgerFacts;
import dev.avance.activities.payment.PaymentRepository;
import dev.avance.activities.payment.PaymentRepository.PaymentRow;
import dev.avance.bank.Channel;
import dev.avance.bank.iso20022.EntryStatus;
import dev.avance.bank.iso20022.TransactionStatus;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies one entry of an incoming file to Avance's records, in the file's transaction: the payment
 * it names (by EndToEndId, in its channel only) follows what the bank said, with the amounts the
 * bank reported; money received that is none of Avance's own payments becomes an incoming credit
 * for reconciliation. A fact already known changes nothing; a fact that contradicts an earlier one
 * (a rejection after a booking, another amount) changes nothing either and is left for operators as
 * a CONFLICT. Nothing here calls Temporal: work for the workflows is written as the entry's
 * follow-up and done after the commit.
 */
@Component
public class BankEntryApplier {
  private static final ZoneId BANK_ZONE = ZoneId.of("Europe/Paris");

  /** Internal references of sandbox credits: a sandbox user never picks a live reference. */
  static final String SANDBOX_CREDIT_PREFIX = "SBX-";

  private final PaymentRepository payments;
  private final BillRepository bills;
  private final BankEntryRepository entries;
  private final JdbcClient jdbc;
  private final LedgerFacts books;
  private final Clock clock;

  public BankEntryApplier(
      PaymentRepository payments,
      BillRepository bills,
      BankEntryRepository entries,
      JdbcClient jdbc,
      LedgerFacts books,
      Clock clock) {
    this.payments = payments;
    this.bills = bills;
    this.entries = entries;
    this.jdbc = jdbc;
    this.books = books;
    this.clock = clock;
  }

  /**
   * What became of an entry; {@code posted} when its money is in the books already (a booking that
   * is not, and moved money, goes to the channel's suspense account).
   */
  record Applied(
      BankEntryOutcome outcome,
      String paymentId,
      String detail,
      BankFollowUp followUp,
      boolean posted) {
    Applied(BankEntryOutcome outcome, String paymentId, String detail, BankFollowUp followUp) {
      this(outcome, paymentId, detail, followUp, false);
    }

    static Applied of(BankEntryOutcome outcome, PaymentRow payment, String detail) {
      return new Applied(outcome, payment == null ? null : payment.paymentId(), detail, null);
    }

    Applied inBooks() {
      return new Applied(outcome, paymentId, detail, followUp, true);
    }
  }

  private static LedgerFacts.Payment fact(PaymentRow p) {
    return new LedgerFacts.Payment(
        p.paymentId(), p.loanId(), p.platformId(), p.borrowerId(), p.channel());
  }

  /**
   * Applies the entry once: a second entry with its business key is recorded as a DUPLICATE and
   * applies nothing.
   */
  BankEntryOutcome apply(
      long messageId, int index, Channel channel, ParsedEntry entry, Instant fileCreatedAt) {
    Instant now = clock.instant();
    Optional<Long> claimed = entries.claim(messageId, entry, now);
    if (claimed.isEmpty()) {
      entries.recordDuplicate(messageId, index, entry, now);
      return BankEntryOutcome.DUPLICATE;
    }
    Applied applied =
        switch (entry.kind()) {
          case PAYMENT_STATUS -> paymentStatus(channel, entry, now);
          case FILE_STATUS -> fileStatus(channel, entry, now);
          case BOOKING -> booking(channel, entry, fileCreatedAt, now);
          case CANCELLATION_ANSWER -> cancellationAnswer(channel, entry, now);
        };
    if (entry.kind() == BankEntryKind.BOOKING
        && !applied.posted()
        && (applied.outcome() == BankEntryOutcome.CONFLICT
            || applied.outcome() == BankEntryOutcome.FOR_OPERATORS)
        && entry.amountCents() != null) {
      // The bank moved the money whatever Avance makes of it: cash follows the bank.
      books.unattributedBooking(
          channel,
          entry.key(),
          entry.credit(),
          entry.amountCents(),
          bookedAt(entry, fileCreatedAt));
    }
    entries.settle(
        claimed.get(),
        applied.outcome(),
        applied.paymentId(),
        applied.detail(),
        applied.followUp());
    return applied.outcome();
  }

  // pain.002 ---------------------------------------------------------------------------------

  private Applied paymentStatus(Channel channel, ParsedEntry entry, Instant now) {
    Optional<PaymentRow> found = payments.lockByEndToEndId(channel, entry.endToEndId());
    if (found.isEmpty()) {
      return Applied.of(BankEntryOutcome.UNKNOWN_PAYMENT, null, "no payment with this EndToEndId");
    }
    return status(found.get(), entry.status(), entry.reasonCode(), now);
  }

  private Applied fileStatus(Channel channel, ParsedEntry entry, Instant now) {
    List<PaymentRow> carried = payments.lockByMessage(channel, entry.originalMessageId());
    if (carried.isEmpty()) {
      return Applied.of(BankEntryOutcome.UNKNOWN_PAYMENT, null, "no file with this message id");
    }
    BankEntryOutcome outcome = BankEntryOutcome.ALREADY_APPLIED;
    for (PaymentRow payment : carried) {
      if (status(payment, entry.status(), entry.reasonCode(), now).outcome()
          == BankEntryOutcome.APPLIED) {
        outcome = BankEntryOutcome.APPLIED;
      }
    }
    return new Applied(
        outcome, carried.size() == 1 ? carried.get(0).paymentId() : null, null, null);
  }

  /** A payment's status before any booking: accepted (noted), rejected, or cancelled. */
  private Applied status(PaymentRow payment, TransactionStatus status, String reason, Instant now) {
    if (status == TransactionStatus.RJCT || status == TransactionStatus.CANC) {
      PaymentStatus target =
          status == TransactionStatus.RJCT ? PaymentStatus.FAILED : PaymentStatus.CANCELED;
      if (payment.status() == target) {
        return Applied.of(BankEntryOutcome.ALREADY_APPLIED, payment, null);
      }
      if (payment.status() != PaymentStatus.INSTRUCTED) {
        return Applied.of(
            BankEntryOutcome.CONFLICT,
            payment,
            status + " after the payment was " + payment.status());
      }
      payments.recordBankFact(
          payment.paymentId(),
          target,
          status == TransactionStatus.RJCT ? "REJECTED" : "CANCELLED",
          reason == null ? status.name() : reason,
          null,
          null,
          null,
          now);
      return Applied.of(BankEntryOutcome.APPLIED, payment, null);
    }
    if (payment.status() == PaymentStatus.INSTRUCTED
        && (payment.bankStatus() == null || "SENT".equals(payment.bankStatus()))) {
      payments.recordBankFact(
          payment.paymentId(), payment.status(), "ACCEPTED", null, null, null, null, now);
      return Applied.of(BankEntryOutcome.APPLIED, payment, null);
    }
    // Accepted after a booking (files out of order) or twice: nothing to learn.
    return Applied.of(BankEntryOutcome.ALREADY_APPLIED, payment, null);
  }

  // camt.054 / camt.053 -----------------------------------------------------------------------

  private Applied booking(Channel channel, ParsedEntry entry, Instant fileCreatedAt, Instant now) {
    if (entry.bookingStatus() != null && entry.bookingStatus() != EntryStatus.BOOK) {
      return Applied.of(BankEntryOutcome.NOT_BOOKED, null, entry.bookingStatus().name());
    }
    if (!"EUR".equals(entry.currency())) {
      return Applied.of(BankEntryOutcome.UNSUPPORTED_CURRENCY, null, entry.currency());
    }
    Optional<PaymentRow> found =
        entry.endToEndId() == null
            ? Optional.empty()
            : payments.lockByEndToEndId(channel, entry.endToEndId());
    Instant bookedAt = bookedAt(entry, fileCreatedAt);
    if (found.isPresent()) {
      PaymentRow payment = found.get();
      return payment.type() == PaymentType.DIRECT_DEBIT
          ? debitBooking(payment, entry, bookedAt, now)
          : transferBooking(channel, payment, entry, bookedAt, now);
    }
    if (entry.credit() && !entry.returned()) {
      return credit(channel, entry, bookedAt);
    }
    return Applied.of(
        BankEntryOutcome.FOR_OPERATORS,
        null,
        entry.endToEndId() == null ? "a debit with no EndToEndId" : "no payment with this id");
  }

  private static Instant bookedAt(ParsedEntry entry, Instant fileCreatedAt) {
    return entry.bookingDate() == null
        ? fileCreatedAt
        : entry.bookingDate().atStartOfDay(BANK_ZONE).toInstant();
  }

  /** A collection booked (CRDT) or returned (a reversal, DBIT). */
  private Applied debitBooking(PaymentRow debit, ParsedEntry entry, Instant bookedAt, Instant now) {
    if (entry.credit() && !entry.returned()) {
      if (debit.status() == PaymentStatus.PAID || debit.status() == PaymentStatus.RETURNED) {
        return Applied.of(BankEntryOutcome.ALREADY_APPLIED, debit, null);
      }
      if (debit.status() != PaymentStatus.INSTRUCTED) {
        return Applied.of(
            BankEntryOutcome.CONFLICT, debit, "collected after it was " + debit.status());
      }
      if (!Objects.equals(entry.amountCents(), debit.amountCents())) {
        return Applied.of(
            BankEntryOutcome.CONFLICT,
            debit,
            "collected " + entry.amountCents() + " cents, instructed " + debit.amountCents());
      }
      payments.recordBankFact(
          debit.paymentId(),
          PaymentStatus.PAID,
          "SETTLED",
          null,
          later(debit.instructedAt(), bookedAt),
          entry.amountCents(),
          null,
          now);
      books.debitCollected(fact(debit), entry.amountCents(), bookedAt);
      return Applied.of(BankEntryOutcome.APPLIED, debit, null).inBooks();
    }
    if (!entry.credit() && entry.returned()) {
      if (debit.status() == PaymentStatus.RETURNED) {
        return Applied.of(BankEntryOutcome.ALREADY_APPLIED, debit, null);
      }
      if (debit.status() != PaymentStatus.PAID && debit.status() != PaymentStatus.INSTRUCTED) {
        return Applied.of(
            BankEntryOutcome.CONFLICT, debit, "returned after it was " + debit.status());
      }
      boolean afterSettlement = debit.status() == PaymentStatus.PAID;
      String reason = entry.reasonCode() == null ? "RETURNED" : entry.reasonCode();
      payments.recordBankFact(
          debit.paymentId(), PaymentStatus.RETURNED, "RETURNED", reason, null, null, bookedAt, now);
      if (!afterSettlement) {
        // Whoever awaits the debit's outcome sees it now. No collection was booked: a reversal
        // the bank still reports as a movement is left to operators, with the cash as the bank
        // says.
        if (entry.amountCents() != null) {
          books.unattributedBooking(
              debit.channel(), entry.key(), entry.credit(), entry.amountCents(), bookedAt);
        }
        return Applied.of(BankEntryOutcome.APPLIED, debit, null).inBooks();
      }
      books.debitReturned(fact(debit), entry.amountCents(), bookedAt);
      if (bills.reopenAfterReturn(debit.paymentId(), now)) {
        return Applied.of(BankEntryOutcome.APPLIED, debit, "bill reopened").inBooks();
      }
      // A loan's debit returned after it settled: its workflow takes the money back.
      return new Applied(
          BankEntryOutcome.APPLIED, debit.paymentId(), null, BankFollowUp.DEBIT_RETURNED, true);
    }
    return Applied.of(BankEntryOutcome.FOR_OPERATORS, debit, "unexpected booking of a debit");
  }

  /** A payout or refund booked (DBIT) or sent back by the payee's bank (a reversal, CRDT). */
  private Applied transferBooking(
      Channel channel, PaymentRow transfer, ParsedEntry entry, Instant bookedAt, Instant now) {
    if (!entry.credit() && !entry.returned()) {
      if (transfer.status() == PaymentStatus.PAID) {
        return Applied.of(BankEntryOutcome.ALREADY_APPLIED, transfer, null);
      }
      if (transfer.status() != PaymentStatus.INSTRUCTED) {
        return Applied.of(
            BankEntryOutcome.CONFLICT, transfer, "booked after it was " + transfer.status());
      }
      if (!Objects.equals(entry.amountCents(), transfer.amountCents())) {
        return Applied.of(
            BankEntryOutcome.CONFLICT,
            transfer,
            "booked " + entry.amountCents() + " cents, instructed " + transfer.amountCents());
      }
      payments.recordBankFact(
          transfer.paymentId(),
          PaymentStatus.PAID,
          "SETTLED",
          null,
          later(transfer.instructedAt(), bookedAt),
          entry.amountCents(),
          null,
          now);
      if (transfer.type() == PaymentType.REFUND) {
        books.refundBooked(fact(transfer), entry.amountCents(), bookedAt);
      } else {
        // Dated as the payment's paid_at, the loan's payout day, which interest counts from.
        books.payoutBooked(
            fact(transfer), entry.amountCents(), later(transfer.instructedAt(), bookedAt));
      }
      return Applied.of(BankEntryOutcome.APPLIED, transfer, null).inBooks();
    }
    if (entry.credit() && entry.returned()) {
      if (transfer.status() == PaymentStatus.INSTRUCTED) {
        payments.recordBankFact(
            transfer.paymentId(),
            PaymentStatus.FAILED,
            "RETURNED",
            entry.reasonCode() == null ? "RETURNED" : entry.reasonCode(),
            null,
            null,
            bookedAt,
            now);
        // Back before Avance saw it leave: the books never had it out, so it is operators'.
        books.unattributedBooking(
            channel, entry.key(), entry.credit(), entry.amountCents(), bookedAt);
        return Applied.of(BankEntryOutcome.APPLIED, transfer, null).inBooks();
      }
      // The money came back after the payment was done: it is Avance's again, parked for
      // operators with the reason, never dropped.
      park(
          channel,
          entry,
          bookedAt,
          "TRANSFER_RETURNED "
              + transfer.paymentId()
              + " "
              + Objects.toString(entry.reasonCode(), ""));
      return Applied.of(BankEntryOutcome.FOR_OPERATORS, transfer, "returned after it was paid")
          .inBooks();
    }
    return Applied.of(BankEntryOutcome.FOR_OPERATORS, transfer, "unexpected booking of a transfer");
  }

  /** Money from outside on one of Avance's accounts: a credit to reconcile. */
  private Applied credit(Channel channel, ParsedEntry entry, Instant bookedAt) {
    String reference = creditReference(channel, entry.bankReference());
    insertCredit(channel, reference, entry, bookedAt, "RECEIVED", null);
    return new Applied(
        BankEntryOutcome.CREDIT_RECEIVED, null, reference, BankFollowUp.RECONCILE_CREDIT, true);
  }

  private void park(Channel channel, ParsedEntry entry, Instant bookedAt, String reason) {
    insertCredit(
        channel,
        creditReference(channel, entry.bankReference()),
        entry,
        bookedAt,
        "PARKED",
        reason);
  }

  private void insertCredit(
      Channel channel,
      String reference,
      ParsedEntry entry,
      Instant bookedAt,
      String status,
      String parkedReason) {
    String creditorReference =
        entry.remittance() == null ? null : entry.remittance().creditorReference();
    String text = entry.remittance() == null ? null : entry.remittance().unstructured();
    String remittance =
        creditorReference == null
            ? text
            : text == null ? creditorReference : creditorReference + " " + text;
    jdbc.sql(
            """
            insert into bank_incoming_credits (bank_reference, to_iban, from_iban, from_name,
                amount_cents, remittance_information, creditor_reference, received_at, status,
                parked_reason, channel)
            values (:ref, :to, :from, :fromName, :amount, :remittance, :creditorRef, :at, :status,
                :why, :channel)
            on conflict (bank_reference) do nothing
            """)
        .param("ref", reference)
        .param("to", entry.accountIban())
        .param("from", entry.counterparty() == null ? null : entry.counterparty().iban())
        .param("fromName", entry.counterparty() == null ? null : entry.counterparty().name())
        .param("amount", entry.amountCents())
        .param("remittance", remittance)
        .param("creditorRef", creditorReference)
        .param("at", timestamp(bookedAt))
        .param("status", status)
        .param("why", parkedReason)
        .param("channel", channel.name())
        .update();
    books.creditReceived(channel, reference, bookedAt, entry.amountCents());
  }

  /** The credit's reference in Avance: the bank's, behind a prefix for the sandbox's. */
  public static String creditReference(Channel channel, String bankReference) {
    return channel == Channel.SANDBOX ? SANDBOX_CREDIT_PREFIX + bankReference : bankReference;
  }

  // camt.029 ----------------------------------------------------------------------------------

  private Applied cancellationAnswer(Channel channel, ParsedEntry entry, Instant now) {
    Optional<PaymentRow> found =
        entry.endToEndId() == null
            ? Optional.empty()
            : payments.lockByEndToEndId(channel, entry.endToEndId());
    if (found.isEmpty()) {
      return Applied.of(BankEntryOutcome.UNKNOWN_PAYMENT, null, "no payment with this EndToEndId");
    }
    PaymentRow payment = found.get();
    switch (entry.cancellationStatus()) {
      case "CNCL" -> {
        if (payment.status() == PaymentStatus.CANCELED) {
          return Applied.of(BankEntryOutcome.ALREADY_APPLIED, payment, null);
        }
        if (payment.status() != PaymentStatus.INSTRUCTED) {
          return Applied.of(
              BankEntryOutcome.CONFLICT, payment, "cancelled after it was " + payment.status());
        }
        payments.recordBankFact(
            payment.paymentId(), PaymentStatus.CANCELED, "CANCELLED", null, null, null, null, now);
        return Applied.of(BankEntryOutcome.APPLIED, payment, null);
      }
      case "RJCR" -> {
        payments.recordBankFact(
            payment.paymentId(),
            payment.status(),
            PaymentRepository.CANCEL_REFUSED,
            null,
            null,
            null,
            null,
            now);
        return Applied.of(BankEntryOutcome.APPLIED, payment, entry.reasonCode());
      }
      default -> {
        return Applied.of(BankEntryOutcome.NOT_BOOKED, payment, "withdrawal pending at the bank");
      }
    }
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return a.isAfter(b) ? a : b;
  }
}
