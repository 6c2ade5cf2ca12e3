package dev.avance.bank;

import dev.avance.bank.iso20022.MessageType;
import java.util.Objects;

/**
 * One ISO 20022 file as it crosses the boundary: its type, its message id (the bank deduplicates
 * files by it) and its bytes (UTF-8 XML, already valid against its XSD when it leaves Avance).
 */
public record BankFile(MessageType type, String messageId, byte[] xml) {
  public BankFile {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(xml, "xml");
  }

  /**
   * The file's name in a drop folder: {@code <type>.<message id>.xml}, safe for any file system.
   */
  public String fileName() {
    return type.code() + "." + messageId.replaceAll("[^A-Za-z0-9._-]", "_") + ".xml";
  }
}
