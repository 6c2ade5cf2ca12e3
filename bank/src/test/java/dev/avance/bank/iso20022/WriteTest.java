package dev.avance.bank.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.bank.iso20022.AccountEntries.Entry;
import dev.avance.bank.iso20022.CancellationResolution.Status;
import dev.avance.bank.iso20022.CreditTransferInitiation.CreditTransfer;
import dev.avance.bank.iso20022.DirectDebitInitiation.DirectDebit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What Avance and the simulator send: valid against the XSD, filled as the EPC says. */
class WriteTest {

  @ParameterizedTest
  @MethodSource("dev.avance.bank.iso20022.RoundTripTest#messages")
  void everyWrittenMessageIsValidAgainstItsXsd(BankMessage message) {
    byte[] xml = Iso20022.write(message);

    Xml.assertValid(xml, message.type());
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"")
        .contains("<Document xmlns=\"" + message.type().namespace() + "\">");
  }

  @Test
  void theIndependentValidatorDoesRejectAnInvalidMessage() {
    byte[] valid = Iso20022.write(Messages.creditTransfers());
    byte[] invalid =
        new String(valid, StandardCharsets.UTF_8)
            .replace("<PmtMtd>TRF</PmtMtd>", "")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Xml.assertValid(invalid, MessageType.PAIN_001))
        .hasMessageContaining("cvc-complex-type.2.4.a")
        .hasMessageContaining("PmtMtd");
  }

  @Test
  void creditTransfersAsTheEpcGuidelinesFillThem() {
    Xml xml = Xml.of(Iso20022.write(Messages.creditTransfers()));
    String header = "CstmrCdtTrfInitn/GrpHdr/";
    String block = "CstmrCdtTrfInitn/PmtInf/";
    String first = block + "CdtTrfTxInf[1]/";
    String second = block + "CdtTrfTxInf[2]/";

    assertThat(xml.text(header + "MsgId")).isEqualTo("AVN-PAIN001-20260314-0001");
    assertThat(xml.text(header + "CreDtTm")).isEqualTo("2026-03-14T09:30:12.345Z");
    assertThat(xml.text(header + "NbOfTxs")).isEqualTo("2");
    assertThat(xml.text(header + "CtrlSum")).isEqualTo("12345.72");
    assertThat(xml.text(header + "InitgPty/Nm")).isEqualTo("Avance SAS");
    assertThat(xml.count("CstmrCdtTrfInitn/PmtInf")).isEqualTo(1);
    assertThat(xml.text(block + "PmtInfId")).isEqualTo("AVN-PAIN001-20260314-0001");
    assertThat(xml.text(block + "PmtMtd")).isEqualTo("TRF");
    assertThat(xml.text(block + "NbOfTxs")).isEqualTo("2");
    assertThat(xml.text(block + "CtrlSum")).isEqualTo("12345.72");
    assertThat(xml.text(block + "PmtTpInf/SvcLvl/Cd")).isEqualTo("SEPA");
    assertThat(xml.count(block + "PmtTpInf/LclInstrm")).isZero();
    assertThat(xml.text(block + "ReqdExctnDt/Dt")).isEqualTo("2026-03-16");
    assertThat(xml.text(block + "Dbtr/Nm")).isEqualTo("Avance SAS");
    assertThat(xml.text(block + "DbtrAcct/Id/IBAN")).isEqualTo("FR7630006000011234567890189");
    assertThat(xml.text(block + "DbtrAgt/FinInstnId/BICFI")).isEqualTo("AGRIFRPP");
    assertThat(xml.text(block + "ChrgBr")).isEqualTo("SLEV");

    assertThat(xml.text(first + "PmtId/EndToEndId")).isEqualTo("LOAN-8F2A-PAYOUT");
    assertThat(xml.text(first + "Amt/InstdAmt")).isEqualTo("12345.67");
    assertThat(xml.text(first + "Amt/InstdAmt/@Ccy")).isEqualTo("EUR");
    assertThat(xml.count(first + "CdtrAgt")).isZero();
    assertThat(xml.text(first + "Cdtr/Nm")).isEqualTo("Fournitures Dupont SARL");
    assertThat(xml.text(first + "CdtrAcct/Id/IBAN")).isEqualTo("FR1420041010050500013M02606");
    assertThat(xml.text(first + "RmtInf/Ustrd")).isEqualTo("Avance loan 8F2A payout");
    assertThat(xml.count(first + "RmtInf/Strd")).isZero();

    assertThat(xml.text(second + "Amt/InstdAmt")).isEqualTo("0.05");
    assertThat(xml.text(second + "CdtrAgt/FinInstnId/BICFI")).isEqualTo("COBADEFFXXX");
    assertThat(xml.text(second + "RmtInf/Strd/CdtrRefInf/Tp/CdOrPrtry/Cd")).isEqualTo("SCOR");
    assertThat(xml.text(second + "RmtInf/Strd/CdtrRefInf/Ref")).isEqualTo("RF18539007547034");
    assertThat(xml.count(second + "RmtInf/Ustrd")).isZero();
  }

  @Test
  void anInstantTransferAsksForInstAndHasNoBicWhenNoneIsKnown() {
    Xml xml = Xml.of(Iso20022.write(Messages.instantTransfer()));
    String block = "CstmrCdtTrfInitn/PmtInf/";

    assertThat(xml.text(block + "PmtTpInf/SvcLvl/Cd")).isEqualTo("SEPA");
    assertThat(xml.text(block + "PmtTpInf/LclInstrm/Cd")).isEqualTo("INST");
    assertThat(xml.text(block + "DbtrAgt/FinInstnId/Othr/Id")).isEqualTo("NOTPROVIDED");
    assertThat(xml.count(block + "DbtrAgt/FinInstnId/BICFI")).isZero();
    assertThat(xml.text(block + "CdtTrfTxInf/Amt/InstdAmt")).isEqualTo("100000.00");
  }

  @Test
  void anInstantTransferWithoutDateIsForTheDayItIsMade() {
    CreditTransferInitiation message = Messages.instantTransfer();
    CreditTransferInitiation undated =
        new CreditTransferInitiation(
            message.messageId(),
            Instant.parse("2026-03-14T23:30:00Z"),
            message.debtor(),
            true,
            null,
            message.transfers());

    // 23:30 UTC is already the 15th in Paris.
    assertThat(Xml.of(Iso20022.write(undated)).text("CstmrCdtTrfInitn/PmtInf/ReqdExctnDt/Dt"))
        .isEqualTo("2026-03-15");
  }

  @Test
  void directDebitsAsTheEpcGuidelinesFillThem() {
    Xml xml = Xml.of(Iso20022.write(Messages.directDebits()));
    String header = "CstmrDrctDbtInitn/GrpHdr/";
    String block = "CstmrDrctDbtInitn/PmtInf/";
    String first = block + "DrctDbtTxInf[1]/";
    String second = block + "DrctDbtTxInf[2]/";

    assertThat(xml.text(header + "NbOfTxs")).isEqualTo("2");
    assertThat(xml.text(header + "CtrlSum")).isEqualTo("2519.99");
    assertThat(xml.text(header + "InitgPty/Nm")).isEqualTo("Avance SAS");
    assertThat(xml.text(block + "PmtInfId")).isEqualTo("AVN-PAIN008-20260314-0001");
    assertThat(xml.text(block + "PmtMtd")).isEqualTo("DD");
    assertThat(xml.text(block + "NbOfTxs")).isEqualTo("2");
    assertThat(xml.text(block + "CtrlSum")).isEqualTo("2519.99");
    assertThat(xml.text(block + "PmtTpInf/SvcLvl/Cd")).isEqualTo("SEPA");
    assertThat(xml.text(block + "PmtTpInf/LclInstrm/Cd")).isEqualTo("CORE");
    assertThat(xml.text(block + "PmtTpInf/SeqTp")).isEqualTo("FRST");
    assertThat(xml.text(block + "ReqdColltnDt")).isEqualTo("2026-03-20");
    assertThat(xml.text(block + "Cdtr/Nm")).isEqualTo("Avance SAS");
    assertThat(xml.text(block + "CdtrAcct/Id/IBAN")).isEqualTo("FR7630006000011234567890189");
    assertThat(xml.text(block + "CdtrAgt/FinInstnId/BICFI")).isEqualTo("AGRIFRPP");
    assertThat(xml.text(block + "ChrgBr")).isEqualTo("SLEV");
    assertThat(xml.text(block + "CdtrSchmeId/Id/PrvtId/Othr/Id")).isEqualTo("FR72ZZZ123456");
    assertThat(xml.text(block + "CdtrSchmeId/Id/PrvtId/Othr/SchmeNm/Prtry")).isEqualTo("SEPA");

    assertThat(xml.text(first + "PmtId/EndToEndId")).isEqualTo("LOAN-8F2A-REPAY-1");
    assertThat(xml.text(first + "InstdAmt")).isEqualTo("2500.00");
    assertThat(xml.text(first + "InstdAmt/@Ccy")).isEqualTo("EUR");
    assertThat(xml.text(first + "DrctDbtTx/MndtRltdInf/MndtId")).isEqualTo("MND-8F2A");
    assertThat(xml.text(first + "DrctDbtTx/MndtRltdInf/DtOfSgntr")).isEqualTo("2026-01-05");
    assertThat(xml.text(first + "DbtrAgt/FinInstnId/BICFI")).isEqualTo("COBADEFFXXX");
    assertThat(xml.text(first + "Dbtr/Nm")).isEqualTo("Boulangerie Martin");
    assertThat(xml.text(first + "DbtrAcct/Id/IBAN")).isEqualTo("DE89370400440532013000");
    assertThat(xml.text(first + "RmtInf/Strd/CdtrRefInf/Ref")).isEqualTo("RF712348231");
    assertThat(xml.text(second + "InstdAmt")).isEqualTo("19.99");
    assertThat(xml.text(second + "DbtrAgt/FinInstnId/Othr/Id")).isEqualTo("NOTPROVIDED");
  }

  @Test
  void b2bDebitsSayB2b() {
    Xml xml = Xml.of(Iso20022.write(Messages.b2bDebit()));

    assertThat(xml.text("CstmrDrctDbtInitn/PmtInf/PmtTpInf/LclInstrm/Cd")).isEqualTo("B2B");
    assertThat(xml.text("CstmrDrctDbtInitn/PmtInf/PmtTpInf/SeqTp")).isEqualTo("RCUR");
    assertThat(xml.text("CstmrDrctDbtInitn/PmtInf/CdtrAgt/FinInstnId/Othr/Id"))
        .isEqualTo("NOTPROVIDED");
  }

  @Test
  void statusReportNamesTheOriginalAndEachPayment() {
    Xml xml = Xml.of(Iso20022.write(Messages.statusReport()));
    String group = "CstmrPmtStsRpt/OrgnlGrpInfAndSts/";
    String tx = "CstmrPmtStsRpt/OrgnlPmtInfAndSts/TxInfAndSts";

    assertThat(xml.text(group + "OrgnlMsgId")).isEqualTo("AVN-PAIN001-20260314-0001");
    assertThat(xml.text(group + "OrgnlMsgNmId")).isEqualTo("pain.001.001.10");
    assertThat(xml.text(group + "GrpSts")).isEqualTo("PART");
    assertThat(xml.text("CstmrPmtStsRpt/OrgnlPmtInfAndSts/OrgnlPmtInfId"))
        .isEqualTo("AVN-PAIN001-20260314-0001");
    assertThat(xml.text(tx + "[1]/StsId")).isEqualTo("STS-1");
    assertThat(xml.text(tx + "[1]/OrgnlEndToEndId")).isEqualTo("LOAN-8F2A-PAYOUT");
    assertThat(xml.text(tx + "[1]/TxSts")).isEqualTo("ACCP");
    assertThat(xml.text(tx + "[1]/OrgnlTxRef/Amt/InstdAmt")).isEqualTo("12345.67");
    assertThat(xml.text(tx + "[2]/TxSts")).isEqualTo("RJCT");
    assertThat(xml.text(tx + "[2]/StsRsnInf/Rsn/Cd")).isEqualTo("AC04");
    assertThat(xml.count(tx + "[2]/OrgnlTxRef")).isZero();

    Xml rejected = Xml.of(Iso20022.write(Messages.rejectedFile()));
    assertThat(rejected.text(group + "GrpSts")).isEqualTo("RJCT");
    assertThat(rejected.text(group + "StsRsnInf/Rsn/Cd")).isEqualTo("FF01");
    assertThat(rejected.text(group + "OrgnlMsgNmId")).isEqualTo("pain.008.001.09");
    assertThat(rejected.count("CstmrPmtStsRpt/OrgnlPmtInfAndSts")).isZero();
  }

  @Test
  void notificationPutsTheCounterpartyOnTheOtherSide() {
    Xml xml = Xml.of(Iso20022.write(Messages.notification()));
    String ntfctn = "BkToCstmrDbtCdtNtfctn/Ntfctn[1]/";
    String credit = ntfctn + "Ntry[1]/";
    String returned = ntfctn + "Ntry[2]/";
    String payout = ntfctn + "Ntry[3]/";

    assertThat(xml.text(ntfctn + "Id")).isEqualTo("NTFCTN-1");
    assertThat(xml.text(ntfctn + "Acct/Id/IBAN")).isEqualTo("FR7630006000011234567890189");
    assertThat(xml.text(credit + "NtryRef")).isEqualTo("NTRY-1");
    assertThat(xml.text(credit + "Amt")).isEqualTo("1250.00");
    assertThat(xml.text(credit + "Amt/@Ccy")).isEqualTo("EUR");
    assertThat(xml.text(credit + "CdtDbtInd")).isEqualTo("CRDT");
    assertThat(xml.count(credit + "RvslInd")).isZero();
    assertThat(xml.text(credit + "Sts/Cd")).isEqualTo("BOOK");
    assertThat(xml.text(credit + "BookgDt/Dt")).isEqualTo("2026-03-14");
    assertThat(xml.text(credit + "ValDt/Dt")).isEqualTo("2026-03-14");
    assertThat(xml.text(credit + "AcctSvcrRef")).isEqualTo("BANKREF-1");
    assertThat(xml.text(credit + "BkTxCd/Domn/Cd")).isEqualTo("PMNT");
    assertThat(xml.text(credit + "BkTxCd/Domn/Fmly/Cd")).isEqualTo("RCDT");
    assertThat(xml.text(credit + "BkTxCd/Domn/Fmly/SubFmlyCd")).isEqualTo("ESCT");
    String creditTx = credit + "NtryDtls/TxDtls/";
    assertThat(xml.text(creditTx + "Refs/EndToEndId")).isEqualTo("NOTPROVIDED");
    assertThat(xml.text(creditTx + "Refs/AcctSvcrRef")).isEqualTo("BANKREF-1-1");
    assertThat(xml.text(creditTx + "Amt")).isEqualTo("1250.00");
    assertThat(xml.text(creditTx + "RltdPties/Dbtr/Pty/Nm")).isEqualTo("Boulangerie Martin");
    assertThat(xml.text(creditTx + "RltdPties/DbtrAcct/Id/IBAN"))
        .isEqualTo("DE89370400440532013000");
    assertThat(xml.text(creditTx + "RltdAgts/DbtrAgt/FinInstnId/BICFI")).isEqualTo("COBADEFFXXX");
    assertThat(xml.count(creditTx + "RltdPties/Cdtr")).isZero();

    assertThat(xml.text(returned + "CdtDbtInd")).isEqualTo("DBIT");
    assertThat(xml.text(returned + "RvslInd")).isEqualTo("true");
    assertThat(xml.text(returned + "NtryDtls/TxDtls/RltdPties/Dbtr/Pty/Nm"))
        .isEqualTo("Boulangerie Martin");
    assertThat(xml.text(returned + "NtryDtls/TxDtls/RtrInf/Rsn/Cd")).isEqualTo("AM04");
    assertThat(xml.text(returned + "NtryDtls/TxDtls/Refs/MndtId")).isEqualTo("MND-8F2A");

    assertThat(xml.text(payout + "CdtDbtInd")).isEqualTo("DBIT");
    assertThat(xml.text(payout + "NtryDtls/TxDtls/RltdPties/Cdtr/Pty/Nm"))
        .isEqualTo("Fournitures Dupont SARL");
    assertThat(xml.text(payout + "NtryDtls/TxDtls/RltdPties/CdtrAcct/Id/IBAN"))
        .isEqualTo("FR1420041010050500013M02606");
    assertThat(xml.count(payout + "NtryDtls/TxDtls/RltdPties/Dbtr")).isZero();
    assertThat(xml.count(payout + "BkTxCd/Domn")).isZero();
  }

  @Test
  void cancellationRequestNamesTheOriginalPayment() {
    Xml xml = Xml.of(Iso20022.write(Messages.cancellation()));
    String tx = "CstmrPmtCxlReq/Undrlyg/OrgnlPmtInfAndCxl/TxInf/";

    assertThat(xml.text("CstmrPmtCxlReq/Assgnmt/Id")).isEqualTo("AVN-CAMT055-0007");
    assertThat(xml.text("CstmrPmtCxlReq/Assgnmt/Assgnr/Pty/Nm")).isEqualTo("Avance SAS");
    assertThat(xml.text("CstmrPmtCxlReq/Assgnmt/Assgne/Agt/FinInstnId/BICFI"))
        .isEqualTo("AGRIFRPP");
    assertThat(xml.text("CstmrPmtCxlReq/Assgnmt/CreDtTm")).isEqualTo("2026-03-14T09:30:12.345Z");
    assertThat(xml.text("CstmrPmtCxlReq/Case/Id")).isEqualTo("CASE-8F2A-REPAY-1");
    assertThat(xml.text("CstmrPmtCxlReq/Undrlyg/OrgnlPmtInfAndCxl/OrgnlPmtInfId"))
        .isEqualTo("AVN-PAIN008-20260314-0001");
    assertThat(xml.text("CstmrPmtCxlReq/Undrlyg/OrgnlPmtInfAndCxl/OrgnlGrpInf/OrgnlMsgId"))
        .isEqualTo("AVN-PAIN008-20260314-0001");
    assertThat(xml.text("CstmrPmtCxlReq/Undrlyg/OrgnlPmtInfAndCxl/OrgnlGrpInf/OrgnlMsgNmId"))
        .isEqualTo("pain.008.001.09");
    assertThat(xml.text(tx + "OrgnlEndToEndId")).isEqualTo("LOAN-8F2A-REPAY-1");
    assertThat(xml.text(tx + "OrgnlInstdAmt")).isEqualTo("2500.00");
    assertThat(xml.text(tx + "OrgnlInstdAmt/@Ccy")).isEqualTo("EUR");
    assertThat(xml.text(tx + "CxlRsnInf/Rsn/Cd")).isEqualTo("CUST");

    Xml unknownBank = Xml.of(Iso20022.write(Messages.transferCancellation()));
    assertThat(unknownBank.text("CstmrPmtCxlReq/Assgnmt/Assgne/Agt/FinInstnId/Othr/Id"))
        .isEqualTo("NOTPROVIDED");
  }

  @Test
  void resolutionConfirmsTheCancellation() {
    Xml xml = Xml.of(Iso20022.write(Messages.resolution(Status.RJCR, "ARDT")));
    String tx = "RsltnOfInvstgtn/CxlDtls/TxInfAndSts/";

    assertThat(xml.text("RsltnOfInvstgtn/Assgnmt/Id")).isEqualTo("BANK-CAMT029-0003");
    assertThat(xml.text("RsltnOfInvstgtn/RslvdCase/Id")).isEqualTo("CASE-8F2A-REPAY-1");
    assertThat(xml.text("RsltnOfInvstgtn/Sts/Conf")).isEqualTo("RJCR");
    assertThat(xml.text(tx + "OrgnlGrpInf/OrgnlMsgId")).isEqualTo("AVN-PAIN008-20260314-0001");
    assertThat(xml.text(tx + "OrgnlEndToEndId")).isEqualTo("LOAN-8F2A-REPAY-1");
    assertThat(xml.text(tx + "TxCxlSts")).isEqualTo("RJCR");
    assertThat(xml.text(tx + "CxlStsRsnInf/Rsn/Cd")).isEqualTo("ARDT");
  }

  @Test
  void anEndToEndIdOf36CharactersIsRefusedNamingTheElement() {
    String tooLong = "E".repeat(36);

    assertThatThrownBy(() -> Iso20022.write(transfer(tooLong, 100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pain.001.001.10 is not valid against its XSD: line ")
        .hasMessageContaining("cvc-maxLength-valid")
        .hasMessageContaining("element 'EndToEndId'");
  }

  @Test
  void aMissingMandatoryElementIsRefusedNamingIt() {
    assertThatThrownBy(() -> Iso20022.write(transfer(null, 100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cvc-complex-type.2.4.b")
        .hasMessageContaining("'PmtId'")
        .hasMessageContaining(":EndToEndId}");
  }

  @Test
  void anInvalidBicIsRefusedNamingTheElement() {
    CreditTransferInitiation message =
        new CreditTransferInitiation(
            "M-1",
            Messages.CREATED,
            new Party("Avance SAS", "FR7630006000011234567890189", "agri-fr"),
            false,
            null,
            List.of(new CreditTransfer("E2E-1", 100, Messages.SUPPLIER, null)));

    assertThatThrownBy(() -> Iso20022.write(message))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cvc-pattern-valid")
        .hasMessageContaining("element 'BICFI'");
  }

  @Test
  void aLowerCaseCurrencyIsRefusedNamingTheAttribute() {
    DebitCreditNotification message =
        new DebitCreditNotification(
            "M-2",
            Messages.CREATED,
            List.of(
                new AccountEntries(
                    "N-1",
                    "FR7630006000011234567890189",
                    List.of(
                        new Entry(
                            null,
                            100,
                            "eur",
                            CreditDebit.CRDT,
                            false,
                            EntryStatus.BOOK,
                            null,
                            null,
                            null,
                            null,
                            List.of())))));

    assertThatThrownBy(() -> Iso20022.write(message))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cvc-pattern-valid")
        .hasMessageContaining("'Ccy'");
  }

  @Test
  void sepaAmountsAreAtLeastOneCent() {
    assertThatThrownBy(() -> Iso20022.write(transfer("E2E-0", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the amount of E2E-0 must be at least 1 cent, not 0");
  }

  @Test
  void bothTextAndReferenceAreRefusedForAPayment() {
    DirectDebitInitiation message = Messages.directDebits();
    DirectDebit debit = message.debits().get(0);
    DirectDebitInitiation both =
        new DirectDebitInitiation(
            message.messageId(),
            message.createdAt(),
            message.creditor(),
            message.creditorSchemeId(),
            message.scheme(),
            message.sequenceType(),
            message.collectionDate(),
            List.of(
                new DirectDebit(
                    debit.endToEndId(),
                    debit.amountCents(),
                    debit.mandateId(),
                    debit.mandateSignedOn(),
                    debit.debtor(),
                    new Remittance("text", "RF18539007547034"))));

    assertThatThrownBy(() -> Iso20022.write(both))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("either text or a creditor reference");
  }

  @Test
  void aStatementIsNeverWritten() {
    AccountStatement statement = new AccountStatement("S-1", Messages.CREATED, List.of());

    assertThatThrownBy(() -> Iso20022.write(statement))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("camt.053.001.08 is read only: Avance never writes one");
  }

  private static CreditTransferInitiation transfer(String endToEndId, long cents) {
    return new CreditTransferInitiation(
        "M-1",
        Messages.CREATED,
        Messages.AVANCE,
        false,
        null,
        List.of(new CreditTransfer(endToEndId, cents, Messages.SUPPLIER, null)));
  }
}
