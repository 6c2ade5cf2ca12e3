package dev.avance.activities.bank;

import dev.avance.bank.iso20022.BankTransactionCode;
import dev.avance.bank.iso20022.CreditDebit;
import dev.avance.bank.iso20022.EntryStatus;
import dev.avance.bank.iso20022.Party;
import dev.avance.bank.iso20022.Remittance;
import dev.avance.bank.iso20022.TransactionStatus;
import java.time.LocalDate;

/**
 * One entry of an incoming file, flattened: a payment status, a file status, one transaction of a
 * booking, or a cancellation answer. {@code key} is its business key (see {@link BankEntries}).
 */
record ParsedEntry(
    String key,
    BankEntryKind kind,
    String endToEndId,
    String originalMessageId,
    TransactionStatus status,
    String cancellationStatus,
    String reasonCode,
    Long amountCents,
    String currency,
    CreditDebit creditDebit,
    boolean reversal,
    EntryStatus bookingStatus,
    LocalDate bookingDate,
    String accountIban,
    String bankReference,
    BankTransactionCode code,
    Party counterparty,
    Remittance remittance) {

  /** A booking of money coming in that is not the reversal of Avance's own payment. */
  boolean credit() {
    return creditDebit == CreditDebit.CRDT;
  }

  /** A reversal: flagged so, or coded as a returned debit or a returned transfer. */
  boolean returned() {
    return reversal
        || code != null && ("UPDD".equals(code.subFamily()) || "RRTN".equals(code.subFamily()));
  }
}
