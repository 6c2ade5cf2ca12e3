package dev.avance.bank.iso20022;

import java.util.List;

/**
 * The entries reported on one of Avance's accounts (a camt.054 {@code Ntfctn} or a camt.053 {@code
 * Stmt}): its id in the message, the account's IBAN, and the entries.
 */
public record AccountEntries(String id, String accountIban, List<Entry> entries) {

  /**
   * One booking. {@code entryReference} (NtryRef) and {@code accountServicerReference}
   * (AcctSvcrRef) are the bank's references, either may be null; {@code reversal} marks the
   * reversal of an earlier booking (RvslInd), as a returned debit is; {@code currency} is the
   * amount's currency (Avance books EUR only).
   */
  public record Entry(
      String entryReference,
      long amountCents,
      String currency,
      CreditDebit creditDebit,
      boolean reversal,
      EntryStatus status,
      java.time.LocalDate bookingDate,
      java.time.LocalDate valueDate,
      String accountServicerReference,
      BankTransactionCode code,
      List<EntryDetail> details) {}

  /**
   * One transaction within an entry (NtryDtls/TxDtls): its EndToEndId (the one Avance sent, or the
   * payer's for a received transfer), the bank's reference, the amount, the counterparty (the payer
   * of a received credit, the payee or debtor of Avance's own payments), the remittance
   * information, the return reason (RtrInf/Rsn/Cd: AM04, MD06, AC04...) of a returned payment, and
   * the mandate of a direct debit.
   */
  public record EntryDetail(
      String endToEndId,
      String accountServicerReference,
      long amountCents,
      Party counterparty,
      Remittance remittance,
      String returnReasonCode,
      String mandateId) {}
}
