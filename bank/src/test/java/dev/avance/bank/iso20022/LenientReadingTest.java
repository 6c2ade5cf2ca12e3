package dev.avance.bank.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.avance.bank.iso20022.AccountEntries.Entry;
import dev.avance.bank.iso20022.AccountEntries.EntryDetail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What real banks send and the schema allows is read, however it is spelled. */
class LenientReadingTest {

  private static Entry onlyEntry(byte[] xml) {
    DebitCreditNotification notification = (DebitCreditNotification) Iso20022.read(xml);
    return notification.notifications().get(0).entries().get(0);
  }

  @ParameterizedTest
  @CsvSource({"12, 1200", "12.3, 1230", "12.30, 1230", "12.300, 1230", "0, 0", "0.01, 1"})
  void amountsWithZeroToTwoDecimalsAreExactCents(String amount, long cents) {
    assertThat(onlyEntry(Fixtures.camt054(Fixtures.credit(amount, ""))).amountCents())
        .isEqualTo(cents);
  }

  @Test
  void anotherCurrencyIsKept() {
    byte[] xml = Fixtures.camt054(Fixtures.credit("10.00", "").replace("EUR", "CHF"));

    Entry entry = onlyEntry(xml);
    assertThat(entry.currency()).isEqualTo("CHF");
    assertThat(entry.amountCents()).isEqualTo(1000);
  }

  @Test
  void anEntryWithoutDetailsKeepsItsOwnAmount() {
    Entry entry = onlyEntry(Fixtures.camt054(Fixtures.credit("42.00", "")));

    assertThat(entry.details()).isEmpty();
    assertThat(entry.amountCents()).isEqualTo(4200);
    assertThat(entry.code()).isNull();
    assertThat(entry.entryReference()).isNull();
    assertThat(entry.bookingDate()).isNull();
  }

  @Test
  void transactionsOfSeveralNtryDtlsAreOneList() {
    byte[] xml =
        Fixtures.camt054(
            Fixtures.credit(
                "30.00",
                """
                <NtryDtls>
                  <TxDtls><Refs><EndToEndId>A</EndToEndId></Refs><Amt Ccy="EUR">10</Amt></TxDtls>
                  <TxDtls><Refs><EndToEndId>B</EndToEndId></Refs><Amt Ccy="EUR">5</Amt></TxDtls>
                </NtryDtls>
                <NtryDtls>
                  <TxDtls>
                    <Refs><EndToEndId>C</EndToEndId></Refs>
                    <AmtDtls><TxAmt><Amt Ccy="EUR">15.00</Amt></TxAmt></AmtDtls>
                  </TxDtls>
                </NtryDtls>
                """));

    assertThat(onlyEntry(xml).details())
        .extracting(EntryDetail::endToEndId, EntryDetail::amountCents)
        .containsExactly(tuple("A", 1000L), tuple("B", 500L), tuple("C", 1500L));
  }

  @Test
  void aDetailWithoutAmountAmongSeveralIsRefusedRatherThanGuessed() {
    byte[] xml =
        Fixtures.camt054(
            Fixtures.credit(
                "30.00",
                """
                <NtryDtls>
                  <TxDtls><Refs><EndToEndId>A</EndToEndId></Refs><Amt Ccy="EUR">10</Amt></TxDtls>
                  <TxDtls><Refs><EndToEndId>B</EndToEndId></Refs></TxDtls>
                </NtryDtls>
                """));

    assertThatThrownBy(() -> Iso20022.read(xml))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage(
            "camt.054: a TxDtls without an amount in an entry of 2 transactions (EndToEndId B)");
  }

  @Test
  void aDetailWithNothingButItsPlaceIsStillADetail() {
    EntryDetail detail =
        onlyEntry(Fixtures.camt054(Fixtures.credit("7.00", "<NtryDtls><TxDtls/></NtryDtls>")))
            .details()
            .get(0);

    assertThat(detail).isEqualTo(new EntryDetail(null, null, 700, null, null, null, null));
  }

  @Test
  void remittanceInAllItsForms() {
    byte[] xml =
        Fixtures.camt054(
            Fixtures.credit(
                "3.00",
                """
                <NtryDtls>
                  <TxDtls>
                    <Amt Ccy="EUR">1</Amt>
                    <RmtInf><Ustrd>FACTURE 118</Ustrd><Ustrd>ET 119</Ustrd></RmtInf>
                  </TxDtls>
                  <TxDtls>
                    <Amt Ccy="EUR">1</Amt>
                    <RmtInf>
                      <Strd><AddtlRmtInf>no reference here</AddtlRmtInf></Strd>
                      <Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd>
                    </RmtInf>
                  </TxDtls>
                  <TxDtls>
                    <Amt Ccy="EUR">1</Amt>
                    <RmtInf>
                      <Ustrd>see reference</Ustrd>
                      <Strd>
                        <CdtrRefInf>
                          <Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>
                          <Ref>RF712348231</Ref>
                        </CdtrRefInf>
                      </Strd>
                    </RmtInf>
                  </TxDtls>
                </NtryDtls>
                """));

    assertThat(onlyEntry(xml).details())
        .extracting(EntryDetail::remittance)
        .containsExactly(
            Remittance.text("FACTURE 118 ET 119"),
            Remittance.reference("RF18539007547034"),
            new Remittance("see reference", "RF712348231"));
  }

  @Test
  void aCounterpartyNamedAsAnAgent() {
    byte[] xml =
        Fixtures.camt054(
            Fixtures.credit(
                "3.00",
                """
                <NtryDtls>
                  <TxDtls>
                    <RltdPties>
                      <Dbtr>
                        <Agt><FinInstnId><BICFI>BNPAFRPP</BICFI><Nm>BNP PARIBAS</Nm></FinInstnId></Agt>
                      </Dbtr>
                    </RltdPties>
                  </TxDtls>
                </NtryDtls>
                """));

    assertThat(onlyEntry(xml).details().get(0).counterparty())
        .isEqualTo(new Party("BNP PARIBAS", null, "BNPAFRPP"));
  }

  @Test
  void timesWithoutOffsetAreParisTimeSummerOrWinter() {
    byte[] summer =
        new String(Fixtures.camt054(""), StandardCharsets.UTF_8)
            .replace("2026-03-14T19:45:03+01:00", "2026-07-01T12:00:00")
            .getBytes(StandardCharsets.UTF_8);
    byte[] utc =
        new String(Fixtures.camt054(""), StandardCharsets.UTF_8)
            .replace("2026-03-14T19:45:03+01:00", "2026-07-01T12:00:00Z")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(Iso20022.read(summer).createdAt()).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
    assertThat(Iso20022.read(utc).createdAt()).isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));
  }

  @Test
  void theEndOfADayIsTheNextDaysStart() {
    assertThat(Iso20022.read(withCreationTime("2026-03-14T24:00:00Z")).createdAt())
        .isEqualTo(Instant.parse("2026-03-15T00:00:00Z"));
    assertThat(Iso20022.read(withCreationTime("2026-03-14T24:00:00")).createdAt())
        .isEqualTo(Instant.parse("2026-03-14T23:00:00Z"));
  }

  @Test
  void aTimeTheSchemaAllowsButJavaCannotHoldIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> Iso20022.read(withCreationTime("10000-01-01T00:00:00Z")))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessageStartingWith("camt.054.001.08 cannot be read: line 6, column 47: ")
        .hasMessageContaining("could not be parsed");
  }

  private static byte[] withCreationTime(String time) {
    return new String(Fixtures.camt054(""), StandardCharsets.UTF_8)
        .replace("2026-03-14T19:45:03+01:00", time)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDateWithAZoneIsThatCalendarDay() {
    byte[] xml =
        Fixtures.camt054(
            Fixtures.credit("1.00", "")
                .replace("<BkTxCd/>", "<BookgDt><Dt>2026-03-14+01:00</Dt></BookgDt><BkTxCd/>"));

    assertThat(onlyEntry(xml).bookingDate()).isEqualTo(LocalDate.of(2026, 3, 14));
  }

  @Test
  void originalTypeSpelledDifferentlyByTheBank() {
    String file = new String(Fixtures.resource("pain002-accp-rjct.xml"), StandardCharsets.UTF_8);
    byte[] xml =
        file.replace(
                "<OrgnlMsgNmId>pain.001.001.10</OrgnlMsgNmId>",
                "<OrgnlMsgNmId>PAIN.001</OrgnlMsgNmId>")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(((PaymentStatusReport) Iso20022.read(xml)).originalType())
        .isEqualTo(MessageType.PAIN_001);
  }

  @Test
  void aStatusGivenOnlyForTheGroupAppliesToEachPayment() {
    byte[] xml =
        Fixtures.utf8(
            """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.11">
              <CstmrPmtStsRpt>
                <GrpHdr><MsgId>PSR-2</MsgId><CreDtTm>2026-03-14T10:00:00Z</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts>
                  <OrgnlMsgId>AVN-PAIN008-1</OrgnlMsgId>
                  <OrgnlMsgNmId>pain.008.001.09</OrgnlMsgNmId>
                  <GrpSts>ACSP</GrpSts>
                </OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts>
                  <OrgnlPmtInfId>AVN-PAIN008-1</OrgnlPmtInfId>
                  <TxInfAndSts><OrgnlEndToEndId>E2E-1</OrgnlEndToEndId></TxInfAndSts>
                </OrgnlPmtInfAndSts>
              </CstmrPmtStsRpt>
            </Document>
            """);

    PaymentStatusReport report = (PaymentStatusReport) Iso20022.read(xml);
    assertThat(report.groupStatus()).isEqualTo(TransactionStatus.ACSP);
    assertThat(report.transactions())
        .containsExactly(
            new PaymentStatusReport.TransactionStatusEntry(
                null, "E2E-1", TransactionStatus.ACSP, null, null));
  }

  @Test
  void readsAndWritesFromManyThreadsAtOnce() throws Exception {
    List<BankMessage> messages = RoundTripTest.messages().toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        BankMessage message = messages.get(i % messages.size());
        byte[] fixture = Fixtures.resource("camt054-bank.xml");
        results.add(
            pool.submit(
                () ->
                    Iso20022.read(Iso20022.write(message)).equals(message)
                        && Iso20022.read(fixture).type() == MessageType.CAMT_054));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
