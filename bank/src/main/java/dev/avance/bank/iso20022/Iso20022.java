package dev.avance.bank.iso20022;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.UnmarshallerHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes and reads the ISO 20022 messages of this package, with JAXB classes generated from the
 * official XSDs. Every message written is validated against its XSD before it is returned; every
 * message read is validated before it is parsed. Parsing refuses DTDs and external entities (a bank
 * file is hostile input until checked). Thread-safe.
 *
 * <p>Where the EPC's SEPA guidelines leave a choice the schema allows, they are followed: EUR
 * amounts with two decimals, NbOfTxs and CtrlSum in the group header and the payment block, service
 * level SEPA, charges SLEV, the BIC optional (the placeholder NOTPROVIDED where an agent is
 * mandatory).
 */
public final class Iso20022 {
  private static final Map<MessageType, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

  private Iso20022() {}

  /**
   * The message as UTF-8 XML, valid against its XSD (else an IllegalArgumentException naming the
   * schema error). Every type is written but camt.053: its schema requires balances that {@link
   * AccountStatement} does not carry.
   */
  public static byte[] write(BankMessage message) {
    Objects.requireNonNull(message, "message");
    JAXBElement<?> document;
    if (message instanceof CreditTransferInitiation m) {
      document = Pain001.write(m);
    } else if (message instanceof DirectDebitInitiation m) {
      document = Pain008.write(m);
    } else if (message instanceof PaymentStatusReport m) {
      document = Pain002.write(m);
    } else if (message instanceof DebitCreditNotification m) {
      document = Camt054.write(m);
    } else if (message instanceof CancellationRequest m) {
      document = Camt055.write(m);
    } else if (message instanceof CancellationResolution m) {
      document = Camt029.write(m);
    } else {
      throw new IllegalArgumentException(
          message.type().code() + " is read only: Avance never writes one");
    }
    byte[] xml = marshal(message.type(), document);
    try {
      SecureXml.parseValid(xml, message.type(), null);
    } catch (InvalidBankMessageException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return xml;
  }

  /**
   * The type of the message, from its root element's namespace.
   *
   * @throws InvalidBankMessageException when it is not XML or not a supported message
   */
  public static MessageType detect(byte[] xml) {
    Objects.requireNonNull(xml, "xml");
    return SecureXml.detect(xml);
  }

  /**
   * Validates the file against its type's XSD and reads it.
   *
   * @throws InvalidBankMessageException naming the first schema error (line, column, what)
   */
  public static BankMessage read(byte[] xml) {
    MessageType type = detect(xml);
    UnmarshallerHandler handler;
    try {
      Unmarshaller unmarshaller = context(type).createUnmarshaller();
      // Stop at the first value JAXB cannot take rather than leave a field silently null.
      unmarshaller.setEventHandler(event -> false);
      handler = unmarshaller.getUnmarshallerHandler();
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot read " + type.code(), e);
    }
    SecureXml.parseValid(xml, type, handler);
    Object root;
    try {
      root = ((JAXBElement<?>) handler.getResult()).getValue();
    } catch (JAXBException e) {
      throw new InvalidBankMessageException(type.code() + " cannot be read: " + e.getMessage(), e);
    }
    return switch (type) {
      case PAIN_001 -> Pain001.read((dev.avance.bank.iso20022.jaxb.pain001.Document) root);
      case PAIN_008 -> Pain008.read((dev.avance.bank.iso20022.jaxb.pain008.Document) root);
      case PAIN_002 -> Pain002.read((dev.avance.bank.iso20022.jaxb.pain002.Document) root);
      case CAMT_054 -> Camt054.read((dev.avance.bank.iso20022.jaxb.camt054.Document) root);
      case CAMT_053 -> Camt053.read((dev.avance.bank.iso20022.jaxb.camt053.Document) root);
      case CAMT_055 -> Camt055.read((dev.avance.bank.iso20022.jaxb.camt055.Document) root);
      case CAMT_029 -> Camt029.read((dev.avance.bank.iso20022.jaxb.camt029.Document) root);
    };
  }

  private static byte[] marshal(MessageType type, JAXBElement<?> document) {
    try {
      Marshaller marshaller = context(type).createMarshaller();
      marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
      // Indented, so that a schema error's line and column point somewhere a person can find.
      marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      marshaller.marshal(document, out);
      return out.toByteArray();
    } catch (JAXBException e) {
      throw new IllegalArgumentException("cannot write " + type.code() + ": " + e, e);
    }
  }

  private static JAXBContext context(MessageType type) {
    return CONTEXTS.computeIfAbsent(type, Iso20022::newContext);
  }

  private static JAXBContext newContext(MessageType type) {
    Class<?> objectFactory =
        switch (type) {
          case PAIN_001 -> Pain001.OBJECT_FACTORY;
          case PAIN_008 -> Pain008.OBJECT_FACTORY;
          case PAIN_002 -> Pain002.OBJECT_FACTORY;
          case CAMT_054 -> Camt054.OBJECT_FACTORY;
          case CAMT_053 -> Camt053.OBJECT_FACTORY;
          case CAMT_055 -> Camt055.OBJECT_FACTORY;
          case CAMT_029 -> Camt029.OBJECT_FACTORY;
        };
    try {
      return JAXBContext.newInstance(objectFactory);
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot bind " + type.code(), e);
    }
  }
}
