package dev.avance.bank;

/**
 * The outgoing side of the bank: hands one file to the bank (or to the file transfer that carries
 * it there). Adapters: a drop folder for the real bank, the bank simulator for the sandbox.
 *
 * <p>Contract: {@link #send} returns only once the file is durably in the bank's hands; it is
 * idempotent by {@link BankFile#messageId()} (a bank takes a message id once, and each payment in
 * it once by its EndToEndId), so that the sender may send again after any crash or timeout. It
 * throws {@link BankUnavailableException} when the bank cannot take the file now (try later).
 */
public interface BankConnector {
  void send(BankFile file);
}
