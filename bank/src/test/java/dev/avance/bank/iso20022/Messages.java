package dev.avance.bank.iso20022;

import dev.avance.bank.iso20022.AccountEntries.Entry;
import dev.avance.bank.iso20022.AccountEntries.EntryDetail;
import dev.avance.bank.iso20022.CreditTransferInitiation.CreditTransfer;
import dev.avance.bank.iso20022.DirectDebitInitiation.DirectDebit;
import dev.avance.bank.iso20022.PaymentStatusReport.TransactionStatusEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One realistic message of each writable type, as Avance and the bank simulator make them. */
final class Messages {
  static final Party AVANCE = new Party("Avance SAS", "FR7630006000011234567890189", "AGRIFRPP");
  static final Party SUPPLIER =
      new Party("Fournitures Dupont SARL", "FR1420041010050500013M02606", null);
  static final Party BORROWER =
      new Party("Boulangerie Martin", "DE89370400440532013000", "COBADEFFXXX");
  static final Instant CREATED = Instant.parse("2026-03-14T09:30:12.345Z");

  private Messages() {}

  static CreditTransferInitiation creditTransfers() {
    return new CreditTransferInitiation(
        "AVN-PAIN001-20260314-0001",
        CREATED,
        AVANCE,
        false,
        LocalDate.of(2026, 3, 16),
        List.of(
            new CreditTransfer(
                "LOAN-8F2A-PAYOUT",
                1_234_567,
                SUPPLIER,
                Remittance.text("Avance loan 8F2A payout")),
            new CreditTransfer(
                "LOAN-77C1-REFUND", 5, BORROWER, Remittance.reference("RF18539007547034"))));
  }

  static CreditTransferInitiation instantTransfer() {
    return new CreditTransferInitiation(
        "AVN-PAIN001-20260314-0002",
        CREATED,
        new Party("Avance SAS", "FR7630006000011234567890189", null),
        true,
        LocalDate.of(2026, 3, 14),
        List.of(new CreditTransfer("LOAN-9D00-PAYOUT", 100_000_00, SUPPLIER, null)));
  }

  static DirectDebitInitiation directDebits() {
    return new DirectDebitInitiation(
        "AVN-PAIN008-20260314-0001",
        CREATED,
        AVANCE,
        "FR72ZZZ123456",
        SddScheme.CORE,
        SequenceType.FRST,
        LocalDate.of(2026, 3, 20),
        List.of(
            new DirectDebit(
                "LOAN-8F2A-REPAY-1",
                250_000,
                "MND-8F2A",
                LocalDate.of(2026, 1, 5),
                BORROWER,
                Remittance.reference("RF712348231")),
            new DirectDebit(
                "BILL-2026-03-0042",
                1_999,
                "MND-0042",
                LocalDate.of(2025, 11, 30),
                SUPPLIER,
                Remittance.text("Avance bill 2026-03 n. 42"))));
  }

  static DirectDebitInitiation b2bDebit() {
    return new DirectDebitInitiation(
        "AVN-PAIN008-20260314-0002",
        CREATED,
        new Party("Avance SAS", "FR7630006000011234567890189", null),
        "FR72ZZZ123456",
        SddScheme.B2B,
        SequenceType.RCUR,
        LocalDate.of(2026, 3, 17),
        List.of(
            new DirectDebit(
                "LOAN-1B2B-REPAY-3",
                7_000_000,
                "MND-1B2B",
                LocalDate.of(2025, 6, 1),
                SUPPLIER,
                null)));
  }

  static PaymentStatusReport statusReport() {
    return new PaymentStatusReport(
        "BANK-PAIN002-000981",
        Instant.parse("2026-03-14T10:02:00Z"),
        "AVN-PAIN001-20260314-0001",
        MessageType.PAIN_001,
        TransactionStatus.PART,
        null,
        List.of(
            new TransactionStatusEntry(
                "STS-1", "LOAN-8F2A-PAYOUT", TransactionStatus.ACCP, null, 1_234_567L),
            new TransactionStatusEntry(
                null, "LOAN-77C1-REFUND", TransactionStatus.RJCT, "AC04", null)));
  }

  static PaymentStatusReport rejectedFile() {
    return new PaymentStatusReport(
        "BANK-PAIN002-000982",
        Instant.parse("2026-03-14T10:03:00Z"),
        "AVN-PAIN008-20260314-0001",
        MessageType.PAIN_008,
        TransactionStatus.RJCT,
        "FF01",
        List.of());
  }

  static DebitCreditNotification notification() {
    Entry received =
        new Entry(
            "NTRY-1",
            1_250_00,
            "EUR",
            CreditDebit.CRDT,
            false,
            EntryStatus.BOOK,
            LocalDate.of(2026, 3, 14),
            LocalDate.of(2026, 3, 14),
            "BANKREF-1",
            BankTransactionCode.RECEIVED_CREDIT_TRANSFER,
            List.of(
                new EntryDetail(
                    "NOTPROVIDED",
                    "BANKREF-1-1",
                    1_250_00,
                    BORROWER,
                    new Remittance("repayment March", "RF18539007547034"),
                    null,
                    null)));
    Entry returned =
        new Entry(
            null,
            250_000,
            "EUR",
            CreditDebit.DBIT,
            true,
            EntryStatus.BOOK,
            LocalDate.of(2026, 3, 25),
            LocalDate.of(2026, 3, 20),
            null,
            BankTransactionCode.UNPAID_DIRECT_DEBIT,
            List.of(
                new EntryDetail(
                    "LOAN-8F2A-REPAY-1", null, 250_000, BORROWER, null, "AM04", "MND-8F2A")));
    Entry payout =
        new Entry(
            "NTRY-3",
            1_234_567,
            "EUR",
            CreditDebit.DBIT,
            false,
            EntryStatus.PDNG,
            null,
            null,
            null,
            null,
            List.of(
                new EntryDetail("LOAN-8F2A-PAYOUT", null, 1_234_567, SUPPLIER, null, null, null)));
    Entry bare =
        new Entry(
            "NTRY-4",
            0,
            "USD",
            CreditDebit.CRDT,
            false,
            EntryStatus.INFO,
            LocalDate.of(2026, 3, 14),
            null,
            null,
            BankTransactionCode.COLLECTED_DIRECT_DEBIT,
            List.of());
    return new DebitCreditNotification(
        "BANK-CAMT054-20260314-17",
        Instant.parse("2026-03-14T18:00:00Z"),
        List.of(
            new AccountEntries("NTFCTN-1", AVANCE.iban(), List.of(received, returned, payout)),
            new AccountEntries("NTFCTN-2", "FR7630006000019876543210145", List.of(bare))));
  }

  static CancellationRequest cancellation() {
    return new CancellationRequest(
        "AVN-CAMT055-0007",
        CREATED,
        "CASE-8F2A-REPAY-1",
        AVANCE,
        "AVN-PAIN008-20260314-0001",
        MessageType.PAIN_008,
        "LOAN-8F2A-REPAY-1",
        250_000,
        "CUST");
  }

  static CancellationRequest transferCancellation() {
    return new CancellationRequest(
        "AVN-CAMT055-0008",
        CREATED,
        "CASE-77C1",
        new Party("Avance SAS", null, null),
        "AVN-PAIN001-20260314-0001",
        MessageType.PAIN_001,
        "LOAN-77C1-REFUND",
        5,
        "DUPL");
  }

  static CancellationResolution resolution(CancellationResolution.Status status, String reason) {
    return new CancellationResolution(
        "BANK-CAMT029-0003",
        Instant.parse("2026-03-15T08:00:00Z"),
        "CASE-8F2A-REPAY-1",
        status,
        "AVN-PAIN008-20260314-0001",
        "LOAN-8F2A-REPAY-1",
        reason);
  }
}
