package dev.avance.bank.iso20022;

/**
 * A file that is not a well-formed ISO 20022 message of a supported type, or not valid against its
 * XSD. The message names the problem as the parser or the schema reported it, with its line and
 * column, and never echoes the file's content.
 */
public class InvalidBankMessageException extends RuntimeException {
  public InvalidBankMessageException(String message) {
    super(message);
  }

  public InvalidBankMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
