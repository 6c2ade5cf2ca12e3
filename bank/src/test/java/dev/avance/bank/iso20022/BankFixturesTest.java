package dev.avance.bank.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.bank.iso20022.AccountEntries.Entry;
import dev.avance.bank.iso20022.AccountEntries.EntryDetail;
import dev.avance.bank.iso20022.CancellationResolution.Status;
import dev.avance.bank.iso20022.PaymentStatusReport.TransactionStatusEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files as a bank writes them, read into the records with every value they map. */
class BankFixturesTest {
  private static final String AVANCE_IBAN = "FR7630006000011234567890189";
  private static final LocalDate MARCH_14 = LocalDate.of(2026, 3, 14);
  private static final Party MARTIN =
      new Party("Boulangerie Martin", "DE89370400440532013000", "COBADEFFXXX");
  private static final Party DUPONT =
      new Party("Fournitures Dupont SARL", "FR1420041010050500013M02606", null);

  @Test
  void camt054OfABankDayReadsEveryBooking() {
    byte[] xml = Fixtures.resource("camt054-bank.xml");

    assertThat(Iso20022.detect(xml)).isEqualTo(MessageType.CAMT_054);
    DebitCreditNotification notification = (DebitCreditNotification) Iso20022.read(xml);

    assertThat(notification.messageId()).isEqualTo("CAMT054-AGRI-20260314-000017");
    assertThat(notification.createdAt()).isEqualTo(Instant.parse("2026-03-14T18:45:03.120Z"));
    assertThat(notification.notifications()).hasSize(2);

    AccountEntries main = notification.notifications().get(0);
    assertThat(main.id()).isEqualTo("NTF-20260314-0017-1");
    assertThat(main.accountIban()).isEqualTo(AVANCE_IBAN);
    assertThat(main.entries()).hasSize(5);

    Entry structuredCredit = main.entries().get(0);
    assertThat(structuredCredit)
        .isEqualTo(
            new Entry(
                "20260314-000001",
                125_000,
                "EUR",
                CreditDebit.CRDT,
                false,
                EntryStatus.BOOK,
                MARCH_14,
                MARCH_14,
                "2026031400000001",
                BankTransactionCode.RECEIVED_CREDIT_TRANSFER,
                List.of(
                    new EntryDetail(
                        "INV-2026-0042",
                        "SCT-IN-778812",
                        125_000,
                        MARTIN,
                        Remittance.reference("RF18539007547034"),
                        null,
                        null))));

    Entry textCredit = main.entries().get(1);
    assertThat(textCredit)
        .isEqualTo(
            new Entry(
                "20260314-000002",
                9_950,
                "EUR",
                CreditDebit.CRDT,
                false,
                EntryStatus.BOOK,
                MARCH_14,
                MARCH_14,
                "2026031400000002",
                BankTransactionCode.RECEIVED_CREDIT_TRANSFER,
                List.of(
                    new EntryDetail(
                        "NOTPROVIDED",
                        null,
                        9_950,
                        new Party("SCI LES TILLEULS", "FR7610107001011234567890129", null),
                        Remittance.text("FACTURE 2026-118 REMBOURSEMENT AVANCE MERCI"),
                        null,
                        null))));

    Entry collection = main.entries().get(2);
    assertThat(collection)
        .isEqualTo(
            new Entry(
                "20260314-000003",
                251_999,
                "EUR",
                CreditDebit.CRDT,
                false,
                EntryStatus.BOOK,
                MARCH_14,
                MARCH_14,
                "2026031400000003",
                BankTransactionCode.COLLECTED_DIRECT_DEBIT,
                List.of(
                    new EntryDetail(
                        "LOAN-8F2A-REPAY-1",
                        "SDD-778901",
                        250_000,
                        MARTIN,
                        Remittance.reference("RF712348231"),
                        null,
                        "MND-8F2A"),
                    new EntryDetail(
                        "BILL-2026-03-0042",
                        "SDD-778902",
                        1_999,
                        DUPONT,
                        Remittance.text("Avance bill 2026-03 n. 42"),
                        null,
                        "MND-0042"))));

    Entry returned = main.entries().get(3);
    assertThat(returned)
        .isEqualTo(
            new Entry(
                "20260314-000004",
                250_000,
                "EUR",
                CreditDebit.DBIT,
                true,
                EntryStatus.BOOK,
                MARCH_14,
                LocalDate.of(2026, 3, 12),
                "2026031400000004",
                BankTransactionCode.UNPAID_DIRECT_DEBIT,
                List.of(
                    new EntryDetail(
                        "LOAN-3C9E-REPAY-2",
                        "SDD-RTN-55120",
                        250_000,
                        // The reversal keeps the collection's parties: the debtor is the customer.
                        new Party("Garage du Centre", "FR7617515900000800000000065", "CEPAFRPP751"),
                        null,
                        "AM04",
                        "MND-3C9E"))));

    Entry payout = main.entries().get(4);
    assertThat(payout)
        .isEqualTo(
            new Entry(
                "20260314-000005",
                1_234_567,
                "EUR",
                CreditDebit.DBIT,
                false,
                EntryStatus.BOOK,
                MARCH_14,
                MARCH_14,
                "2026031400000005",
                BankTransactionCode.ISSUED_CREDIT_TRANSFER,
                List.of(
                    new EntryDetail(
                        "LOAN-8F2A-PAYOUT",
                        null,
                        1_234_567,
                        DUPONT,
                        Remittance.text("Avance loan 8F2A payout"),
                        null,
                        null))));

    AccountEntries other = notification.notifications().get(1);
    assertThat(other)
        .isEqualTo(
            new AccountEntries(
                "NTF-20260314-0017-2",
                "FR7630006000019876543210145",
                List.of(
                    new Entry(
                        null,
                        1_500,
                        "EUR",
                        CreditDebit.DBIT,
                        false,
                        EntryStatus.PDNG,
                        null,
                        null,
                        null,
                        null,
                        List.of()))));
  }

  @Test
  void pain002WithOneAcceptedAndOneRejectedTransfer() {
    byte[] xml = Fixtures.resource("pain002-accp-rjct.xml");

    assertThat(Iso20022.detect(xml)).isEqualTo(MessageType.PAIN_002);
    assertThat(Iso20022.read(xml))
        .isEqualTo(
            new PaymentStatusReport(
                "PSR-AGRI-20260314-0981",
                // No offset in the file: the bank's Paris time, UTC+1 in March.
                Instant.parse("2026-03-14T09:02:00Z"),
                "AVN-PAIN001-20260314-0001",
                MessageType.PAIN_001,
                TransactionStatus.PART,
                null,
                List.of(
                    new TransactionStatusEntry(
                        "STS-0981-1", "LOAN-8F2A-PAYOUT", TransactionStatus.ACCP, null, 1_234_567L),
                    new TransactionStatusEntry(
                        "STS-0981-2", "LOAN-77C1-REFUND", TransactionStatus.RJCT, "AC04", 5L))));
  }

  @Test
  void camt053WithTwoEntries() {
    byte[] xml = Fixtures.resource("camt053-two-entries.xml");

    assertThat(Iso20022.detect(xml)).isEqualTo(MessageType.CAMT_053);
    assertThat(Iso20022.read(xml))
        .isEqualTo(
            new AccountStatement(
                "STMT-AGRI-20260314",
                Instant.parse("2026-03-15T01:10:00Z"),
                List.of(
                    new AccountEntries(
                        "STMT-20260314-073",
                        AVANCE_IBAN,
                        List.of(
                            new Entry(
                                "20260314-000001",
                                125_000,
                                "EUR",
                                CreditDebit.CRDT,
                                false,
                                EntryStatus.BOOK,
                                MARCH_14,
                                MARCH_14,
                                "2026031400000001",
                                BankTransactionCode.RECEIVED_CREDIT_TRANSFER,
                                List.of(
                                    new EntryDetail(
                                        "INV-2026-0042",
                                        null,
                                        125_000,
                                        new Party(
                                            "Boulangerie Martin", "DE89370400440532013000", null),
                                        Remittance.text("RF18539007547034"),
                                        null,
                                        null))),
                            new Entry(
                                "20260314-000005",
                                1_234_567,
                                "EUR",
                                CreditDebit.DBIT,
                                false,
                                EntryStatus.BOOK,
                                // BookgDt/DtTm 15:20 in Paris: that day.
                                MARCH_14,
                                MARCH_14,
                                "2026031400000005",
                                BankTransactionCode.ISSUED_CREDIT_TRANSFER,
                                List.of(
                                    new EntryDetail(
                                        "LOAN-8F2A-PAYOUT",
                                        "SCT-OUT-11902",
                                        1_234_567,
                                        new Party(
                                            "Fournitures Dupont SARL",
                                            "FR1420041010050500013M02606",
                                            "PSSTFRPPXXX"),
                                        null,
                                        null,
                                        null))))))));
  }

  @Test
  void camt029CancellationConfirmed() {
    byte[] xml = Fixtures.resource("camt029-cncl.xml");

    assertThat(Iso20022.detect(xml)).isEqualTo(MessageType.CAMT_029);
    assertThat(Iso20022.read(xml))
        .isEqualTo(
            new CancellationResolution(
                "RSLTN-AGRI-20260315-0003",
                Instant.parse("2026-03-15T08:00:00Z"),
                "CASE-8F2A-REPAY-1",
                Status.CNCL,
                "AVN-PAIN008-20260314-0001",
                "LOAN-8F2A-REPAY-1",
                null));
  }

  @Test
  void camt029RejectionUnderTheOriginalPaymentBlock() {
    byte[] xml =
        Fixtures.utf8(
            """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.029.001.10">
              <RsltnOfInvstgtn>
                <Assgnmt>
                  <Id>RSLTN-4</Id>
                  <Assgnr><Agt><FinInstnId><BICFI>AGRIFRPP</BICFI></FinInstnId></Agt></Assgnr>
                  <Assgne><Pty><Nm>AVANCE SAS</Nm></Pty></Assgne>
                  <CreDtTm>2026-03-15T09:00:00Z</CreDtTm>
                </Assgnmt>
                <Sts><Conf>RJCR</Conf></Sts>
                <CxlDtls>
                  <OrgnlPmtInfAndSts>
                    <RslvdCase>
                      <Id>CASE-77C1</Id>
                      <Cretr><Pty><Nm>AVANCE SAS</Nm></Pty></Cretr>
                    </RslvdCase>
                    <OrgnlPmtInfId>AVN-PAIN001-20260314-0001</OrgnlPmtInfId>
                    <OrgnlGrpInf>
                      <OrgnlMsgId>AVN-PAIN001-20260314-0001</OrgnlMsgId>
                      <OrgnlMsgNmId>pain.001.001.10</OrgnlMsgNmId>
                    </OrgnlGrpInf>
                    <TxInfAndSts>
                      <OrgnlEndToEndId>LOAN-77C1-REFUND</OrgnlEndToEndId>
                      <TxCxlSts>RJCR</TxCxlSts>
                      <CxlStsRsnInf><Rsn><Cd>ARDT</Cd></Rsn></CxlStsRsnInf>
                    </TxInfAndSts>
                  </OrgnlPmtInfAndSts>
                </CxlDtls>
              </RsltnOfInvstgtn>
            </Document>
            """);

    assertThat(Iso20022.read(xml))
        .isEqualTo(
            new CancellationResolution(
                "RSLTN-4",
                Instant.parse("2026-03-15T09:00:00Z"),
                "CASE-77C1",
                Status.RJCR,
                "AVN-PAIN001-20260314-0001",
                "LOAN-77C1-REFUND",
                "ARDT"));
  }
}
