package dev.avance.bank;

/** The bank (or the channel to it) cannot take a file now; sending again later is safe. */
public class BankUnavailableException extends RuntimeException {
  public BankUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public BankUnavailableException(String message) {
    super(message);
  }
}
