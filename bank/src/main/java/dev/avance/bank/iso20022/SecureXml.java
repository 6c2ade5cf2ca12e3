package dev.avance.bank.iso20022;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parsing of hostile XML: the JDK's own parser (never whatever a dependency puts on the class
 * path), no DOCTYPE at all (which rules out entity expansion and external entities in one go), no
 * XInclude, no external DTD or schema fetched, the JDK's secure-processing limits, and a size limit
 * checked before anything is parsed. The schemas are compiled once per type; a compiled {@link
 * Schema} is immutable and thread-safe, the parsers and validator handlers are made per call
 * because they are not.
 */
final class SecureXml {
  static final int MAX_BYTES = 10 * 1024 * 1024;

  /** How much of an unknown namespace a message repeats: enough to recognise, not a payload. */
  private static final int MAX_ECHO = 100;

  /**
   * Errors reported at the first error's position are kept with it: the validator's first word on a
   * facet (cvc-maxLength-valid) names the type, the second (cvc-type.3.1.3) the element.
   */
  private static final int MAX_ERRORS_KEPT = 3;

  private static final Map<MessageType, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private SecureXml() {}

  static Schema schema(MessageType type) {
    return SCHEMAS.computeIfAbsent(type, SecureXml::loadSchema);
  }

  private static Schema loadSchema(MessageType type) {
    try (InputStream xsd = SecureXml.class.getResourceAsStream(type.xsdResource())) {
      if (xsd == null) {
        throw new IllegalStateException("missing schema resource " + type.xsdResource());
      }
      SchemaFactory factory = SchemaFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      // The official schemas are self-contained: nothing they could reference is to be fetched.
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory.newSchema(new StreamSource(xsd, type.xsdResource()));
    } catch (SAXException e) {
      throw new IllegalStateException("cannot compile " + type.xsdResource(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void checkSize(byte[] xml) {
    if (xml.length > MAX_BYTES) {
      throw new InvalidBankMessageException(
          "the file has "
              + xml.length
              + " bytes, more than the limit of "
              + MAX_BYTES
              + " (10 MiB)");
    }
  }

  /** The type named by the root element's namespace; reads no further than the root element. */
  static MessageType detect(byte[] xml) {
    checkSize(xml);
    RootCapture capture = new RootCapture();
    try {
      XMLReader reader = newReader();
      reader.setContentHandler(capture);
      reader.setErrorHandler(new FailFast());
      reader.parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (RootFound found) {
      // the parse is stopped on purpose at the root element
    } catch (SAXParseException e) {
      throw new InvalidBankMessageException("not well-formed XML: " + describe(e), e);
    } catch (SAXException e) {
      throw new InvalidBankMessageException("not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InvalidBankMessageException("unreadable XML: " + e.getMessage(), e);
    }
    if (capture.namespace == null) {
      throw new InvalidBankMessageException("not well-formed XML: no root element");
    }
    if (capture.namespace.isEmpty()) {
      throw new InvalidBankMessageException(
          "not an ISO 20022 message: the root element has no namespace");
    }
    MessageType type =
        MessageType.byNamespace(capture.namespace)
            .orElseThrow(
                () ->
                    new InvalidBankMessageException(
                        "unsupported message: namespace '" + truncate(capture.namespace) + "'"));
    if (!"Document".equals(capture.localName)) {
      throw new InvalidBankMessageException(
          "not an ISO 20022 message: the root element of " + type.code() + " is not Document");
    }
    return type;
  }

  /**
   * Parses the file, validating it against {@code type}'s schema on the way, and hands the
   * validated events to {@code target} (null to validate only).
   *
   * @throws InvalidBankMessageException naming the first error with its line and column
   */
  static void parseValid(byte[] xml, MessageType type, ContentHandler target) {
    checkSize(xml);
    Errors errors = new Errors();
    try {
      ValidatorHandler validator = schema(type).newValidatorHandler();
      validator.setErrorHandler(errors);
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setContentHandler(target);
      XMLReader reader = newReader();
      reader.setContentHandler(validator);
      reader.setErrorHandler(errors);
      reader.parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      if (errors.kept.isEmpty()) {
        // Not the validator: the target (JAXB) refused a value the schema allows.
        throw new InvalidBankMessageException(type.code() + " cannot be read: " + describe(e), e);
      }
    } catch (IOException e) {
      throw new InvalidBankMessageException("unreadable XML: " + e.getMessage(), e);
    }
    if (!errors.kept.isEmpty()) {
      SAXParseException first = errors.kept.get(0);
      StringBuilder message =
          new StringBuilder(
              errors.wellFormed
                  ? type.code() + " is not valid against its XSD: "
                  : "not well-formed XML: ");
      message.append(position(first)).append(": ");
      for (int i = 0; i < errors.kept.size(); i++) {
        message.append(i == 0 ? "" : " ").append(errors.kept.get(i).getMessage());
      }
      throw new InvalidBankMessageException(message.toString(), first);
    }
  }

  private static XMLReader newReader() throws SAXException {
    SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    factory.setXIncludeAware(false);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      XMLReader reader = factory.newSAXParser().getXMLReader();
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return reader;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's SAX parser lacks a security feature", e);
    }
  }

  private static String describe(SAXException e) {
    if (e instanceof SAXParseException parse) {
      return position(parse) + ": " + parse.getMessage();
    }
    Exception cause = e.getException();
    return cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
  }

  private static String position(SAXParseException e) {
    return "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
  }

  static String truncate(String text) {
    return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
  }

  /** Keeps the first error and those at its position, then stops the parse. */
  private static final class Errors implements ErrorHandler {
    final List<SAXParseException> kept = new ArrayList<>();
    boolean wellFormed = true;

    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      if (kept.isEmpty()) {
        kept.add(e);
        return;
      }
      SAXParseException first = kept.get(0);
      if (kept.size() < MAX_ERRORS_KEPT
          && first.getLineNumber() == e.getLineNumber()
          && first.getColumnNumber() == e.getColumnNumber()) {
        kept.add(e);
        return;
      }
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      if (kept.isEmpty()) {
        wellFormed = false;
        kept.add(e);
      }
      throw e;
    }
  }

  private static final class FailFast implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }

  private static final class RootFound extends SAXException {
    RootFound() {
      super("root element found");
    }
  }

  private static final class RootCapture extends DefaultHandler {
    String namespace;
    String localName;

    @Override
    public void startElement(String uri, String local, String qName, Attributes attributes)
        throws SAXException {
      namespace = uri == null ? "" : uri;
      localName = local;
      throw new RootFound();
    }
  }
}
