package dev.avance.bank.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bank files are hostile input: each bad one is refused, and says precisely why. */
class MalformedInputTest {

  @Test
  void notXml() {
    byte[] text = Fixtures.utf8("MsgId;Amount\nX;12.30\n");

    assertThatThrownBy(() -> Iso20022.read(text))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage("not well-formed XML: line 1, column 1: Content is not allowed in prolog.");
    assertThatThrownBy(() -> Iso20022.detect(text))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessageStartingWith("not well-formed XML: line 1, column 1: ");
  }

  @Test
  void emptyFile() {
    assertThatThrownBy(() -> Iso20022.read(new byte[0]))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage("not well-formed XML: line 1, column 1: Premature end of file.");
  }

  @Test
  void truncatedFile() {
    byte[] whole = Fixtures.resource("pain002-accp-rjct.xml");
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> Iso20022.read(truncated))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessageStartingWith("not well-formed XML: line ")
        .hasMessageContaining("XML document structures must start and end within the same entity");
  }

  @Test
  void externalEntityIsNeverResolved() throws Exception {
    Path secret = Files.createTempFile("avance-xxe", ".txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    try {
      for (String target : new String[] {"file:///etc/passwd", secret.toUri().toString()}) {
        byte[] xxe =
            Fixtures.utf8(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE d [<!ENTITY x SYSTEM "%s">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.11">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>&x;</MsgId><CreDtTm>2026-03-14T10:00:00Z</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts>
                      <OrgnlMsgId>&x;</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.10</OrgnlMsgNmId>
                    </OrgnlGrpInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """
                    .formatted(target));

        for (var call : new Runnable[] {() -> Iso20022.read(xxe), () -> Iso20022.detect(xxe)}) {
          assertThatThrownBy(call::run)
              .isInstanceOf(InvalidBankMessageException.class)
              .hasMessageStartingWith("not well-formed XML: line 2, column ")
              .hasMessageContaining("DOCTYPE is disallowed")
              .message()
              .doesNotContain("root:")
              .doesNotContain("TOP-SECRET");
        }
      }
    } finally {
      Files.delete(secret);
    }
  }

  @Test
  void entityExpansionIsRefusedBeforeAnyExpansion() {
    byte[] laughs =
        Fixtures.utf8(
            """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">&lol2;</Document>
            """);

    assertThatThrownBy(() -> Iso20022.read(laughs))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessageContaining("DOCTYPE is disallowed");
  }

  @Test
  void xincludeIsNotProcessed() {
    byte[] include =
        Fixtures.utf8(
            """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.029.001.10"
                      xmlns:xi="http://www.w3.org/2001/XInclude">
              <xi:include href="file:///etc/passwd" parse="text"/>
            </Document>
            """);

    // Not included: the validator meets the xi:include element itself and refuses it.
    assertThatThrownBy(() -> Iso20022.read(include))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessageStartingWith("camt.029.001.10 is not valid against its XSD: line 3, column ")
        .hasMessageContaining("cvc-complex-type.2.4.a")
        .hasMessageContaining("include")
        .message()
        .doesNotContain("root:");
  }

  @Test
  void unknownNamespaceIsNamed() {
    byte[] old =
        Fixtures.utf8(
            "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><a/></Document>");

    assertThatThrownBy(() -> Iso20022.detect(old))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage(
            "unsupported message: namespace 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03'");
    assertThatThrownBy(() -> Iso20022.read(old))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage(
            "unsupported message: namespace 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03'");
  }

  @Test
  void aLongNamespaceIsTruncatedTo100Characters() {
    String namespace = "urn:" + "x".repeat(500);
    byte[] xml = Fixtures.utf8("<Document xmlns=\"" + namespace + "\"/>");

    assertThatThrownBy(() -> Iso20022.read(xml))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage("unsupported message: namespace '" + namespace.substring(0, 100) + "...'");
  }

  @Test
  void noNamespace() {
    assertThatThrownBy(() -> Iso20022.read(Fixtures.utf8("<Document/>")))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage("not an ISO 20022 message: the root element has no namespace");
  }

  @Test
  void rootElementOtherThanDocument() {
    byte[] xml =
        Fixtures.utf8("<Report xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"/>");

    assertThatThrownBy(() -> Iso20022.read(xml))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage(
            "not an ISO 20022 message: the root element of camt.054.001.08 is not Document");
  }

  @Test
  void wrongElementOrderNamesLineColumnAndElement() {
    byte[] xml =
        Fixtures.utf8(
            """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.11">
              <CstmrPmtStsRpt>
                <GrpHdr>
                  <CreDtTm>2026-03-14T10:00:00Z</CreDtTm>
                  <MsgId>PSR-1</MsgId>
                </GrpHdr>
              </CstmrPmtStsRpt>
            </Document>
            """);

    assertThatThrownBy(() -> Iso20022.read(xml))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage(
            "pain.002.001.11 is not valid against its XSD: line 4, column 16:"
                + " cvc-complex-type.2.4.a: Invalid content was found starting with element"
                + " '{\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.11\":CreDtTm}'. One of"
                + " '{\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.11\":MsgId}' is expected.");
  }

  @Test
  void missingMandatoryElement() {
    byte[] xml =
        Fixtures.utf8(
            """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
              <BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>M</MsgId><CreDtTm>2026-03-14T10:00:00Z</CreDtTm></GrpHdr>
              </BkToCstmrDbtCdtNtfctn>
            </Document>
            """);

    assertThatThrownBy(() -> Iso20022.read(xml))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessageStartingWith("camt.054.001.08 is not valid against its XSD: line 4, column ")
        .hasMessageContaining("cvc-complex-type.2.4.b")
        .hasMessageContaining("BkToCstmrDbtCdtNtfctn")
        .hasMessageContaining(":Ntfctn}");
  }

  @Test
  void overSizeIsRefusedBeforeParsing() {
    byte[] head = Fixtures.resource("camt054-bank.xml");
    byte[] huge = Arrays.copyOf(head, 10 * 1024 * 1024 + 1);
    // Not even XML past the real file: refused on its size, never parsed.
    Arrays.fill(huge, head.length, huge.length, (byte) '<');

    for (var call : new Runnable[] {() -> Iso20022.read(huge), () -> Iso20022.detect(huge)}) {
      assertThatThrownBy(call::run)
          .isInstanceOf(InvalidBankMessageException.class)
          .hasMessage("the file has 10485761 bytes, more than the limit of 10485760 (10 MiB)");
    }
  }

  @Test
  void aValidFileOfExactlyTenMebibytesIsRead() {
    String file = new String(Fixtures.resource("camt029-cncl.xml"), StandardCharsets.US_ASCII);
    int padding = 10 * 1024 * 1024 - file.length() - "<!---->".length();
    byte[] padded =
        file.replace("<Document", "<!--" + "x".repeat(padding) + "--><Document")
            .getBytes(StandardCharsets.US_ASCII);

    assertThat(padded).hasSize(10 * 1024 * 1024);
    assertThat(Iso20022.read(padded).messageId()).isEqualTo("RSLTN-AGRI-20260315-0003");
  }

  @Test
  void unsupportedCodesAreRefusedByName() {
    byte[] future =
        Fixtures.camt054(
            """
              <Ntry>
                <Amt Ccy="EUR">1.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts><Cd>FUTR</Cd></Sts>
                <BkTxCd/>
              </Ntry>
            """);

    assertThatThrownBy(() -> Iso20022.read(future))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage("camt.054: unsupported entry status 'FUTR'");
  }

  @Test
  void aFractionOfACentIsRefusedNotRounded() {
    byte[] xml = Fixtures.camt054(Fixtures.credit("12.345", ""));

    assertThatThrownBy(() -> Iso20022.read(xml))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage("camt.054 Ntry/Amt: the amount 12.345 is not a whole number of cents");
  }

  @Test
  void aResolutionForSeveralPaymentsIsRefusedRatherThanHalfRead() {
    String file = new String(Fixtures.resource("camt029-cncl.xml"), StandardCharsets.UTF_8);
    int start = file.indexOf("<TxInfAndSts>");
    int end = file.indexOf("</TxInfAndSts>") + "</TxInfAndSts>".length();
    String twice = file.substring(0, end) + file.substring(start, end) + file.substring(end);

    assertThatThrownBy(() -> Iso20022.read(twice.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage(
            "camt.029: the file answers for 2 payments; Avance asks for one cancellation a request");
  }

  @Test
  void aPaymentFileOfTwoBlocksIsRefusedRatherThanHalfRead() {
    String file = new String(Iso20022.write(Messages.creditTransfers()), StandardCharsets.UTF_8);
    int start = file.indexOf("<PmtInf>");
    int end = file.indexOf("</PmtInf>") + "</PmtInf>".length();
    String twice = file.substring(0, end) + file.substring(start, end) + file.substring(end);

    assertThatThrownBy(() -> Iso20022.read(twice.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidBankMessageException.class)
        .hasMessage(
            "pain.001 PmtInf (Avance writes one block): expected exactly one, the file has 2");
  }
}
