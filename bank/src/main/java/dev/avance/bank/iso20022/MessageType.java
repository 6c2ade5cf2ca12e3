package dev.avance.bank.iso20022;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ISO 20022 messages Avance exchanges with its bank, each with its namespace and the official
 * XSD it is validated against (from moov-io/iso20022 {@code docs/specifications/}, Apache 2.0).
 */
public enum MessageType {
  /** Customer credit transfer initiation: payouts and refunds (SCT, SCT Inst). Out. */
  PAIN_001("pain.001.001.10"),
  /**
   * Customer direct debit initiation: loan repayments and bill collections (SDD CORE, B2B). Out.
   */
  PAIN_008("pain.008.001.09"),
  /** Customer payment status report: a file or a payment accepted or rejected. In. */
  PAIN_002("pain.002.001.11"),
  /** Bank to customer debit/credit notification: bookings on any later day. In. */
  CAMT_054("camt.054.001.08"),
  /** Bank to customer statement: the day's bookings. In. */
  CAMT_053("camt.053.001.08"),
  /** Customer payment cancellation request: withdraw a payment not yet executed. Out. */
  CAMT_055("camt.055.001.09"),
  /** Resolution of investigation: the answer to a cancellation request. In. */
  CAMT_029("camt.029.001.10");

  private final String code;

  MessageType(String code) {
    this.code = code;
  }

  /** For example {@code pain.001.001.10}. */
  public String code() {
    return code;
  }

  public String namespace() {
    return "urn:iso:std:iso:20022:tech:xsd:" + code;
  }

  /** The classpath resource of the official XSD. */
  public String xsdResource() {
    return "/iso20022/" + code + ".xsd";
  }

  public static Optional<MessageType> byNamespace(String namespace) {
    return Arrays.stream(values()).filter(t -> t.namespace().equals(namespace)).findFirst();
  }

  public static Optional<MessageType> byCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }
}
