package dev.avance.bank.iso20022;

import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/**
 * Reads what a written message says with XPath, and validates it against its XSD with a validator
 * of the test's own, so that neither check relies on the code under test.
 */
final class Xml {
  private final Document document;
  private final XPath xpath;

  private Xml(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    String namespace = document.getDocumentElement().getNamespaceURI();
    xpath = XPathFactory.newDefaultInstance().newXPath();
    xpath.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return "d".equals(prefix) ? namespace : XMLConstants.NULL_NS_URI;
          }

          @Override
          public String getPrefix(String uri) {
            return null;
          }

          @Override
          public Iterator<String> getPrefixes(String uri) {
            return List.<String>of().iterator();
          }
        });
  }

  static Xml of(byte[] xml) {
    try {
      return new Xml(xml);
    } catch (Exception e) {
      throw new AssertionError("not XML", e);
    }
  }

  /** The text at a path below Document, written without prefixes: "GrpHdr/MsgId", "Amt/@Ccy". */
  String text(String path) {
    try {
      return xpath.evaluate(expression(path), document);
    } catch (Exception e) {
      throw new AssertionError(path, e);
    }
  }

  int count(String path) {
    try {
      return ((Double)
              xpath.evaluate(
                  "count(" + expression(path) + ")",
                  document,
                  javax.xml.xpath.XPathConstants.NUMBER))
          .intValue();
    } catch (Exception e) {
      throw new AssertionError(path, e);
    }
  }

  private static String expression(String path) {
    StringBuilder expression = new StringBuilder("/d:Document");
    for (String step : path.split("/")) {
      expression.append('/').append(step.startsWith("@") ? step : "d:" + step);
    }
    return expression.toString();
  }

  /** Validates against the XSD with a plain JDK validator; throws with its message if invalid. */
  static void assertValid(byte[] xml, MessageType type) {
    try {
      SchemaFactory.newDefaultInstance()
          .newSchema(Xml.class.getResource(type.xsdResource()))
          .newValidator()
          .validate(new StreamSource(new ByteArrayInputStream(xml)));
    } catch (Exception e) {
      throw new AssertionError(type.code() + " invalid: " + e.getMessage(), e);
    }
  }
}
