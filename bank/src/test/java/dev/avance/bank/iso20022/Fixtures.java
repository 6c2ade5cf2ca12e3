package dev.avance.bank.iso20022;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-written bank files under src/test/resources/iso20022, and small ones made inline. */
final class Fixtures {
  private Fixtures() {}

  static byte[] resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/iso20022/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /** A camt.054 of one notification holding the given Ntry elements. */
  static byte[] camt054(String entries) {
    return utf8(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
          <BkToCstmrDbtCdtNtfctn>
            <GrpHdr>
              <MsgId>CAMT054-TEST</MsgId>
              <CreDtTm>2026-03-14T19:45:03+01:00</CreDtTm>
            </GrpHdr>
            <Ntfctn>
              <Id>NTF-1</Id>
              <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></Acct>
        %s
            </Ntfctn>
          </BkToCstmrDbtCdtNtfctn>
        </Document>
        """
            .formatted(entries));
  }

  /** A booked credit of the given amount text, with the given NtryDtls (may be empty). */
  static String credit(String amount, String details) {
    return """
          <Ntry>
            <Amt Ccy="EUR">%s</Amt>
            <CdtDbtInd>CRDT</CdtDbtInd>
            <Sts><Cd>BOOK</Cd></Sts>
            <BkTxCd/>
            %s
          </Ntry>
        """
        .formatted(amount, details);
  }
}
