package dev.avance.bank;

/**
 * The incoming side: where the bank's files (pain.002, camt.054, camt.053, camt.029) are handed to
 * Avance, by the drop-folder poller, the operators' upload or the bank simulator.
 *
 * <p>Contract: idempotent by (channel, message id): the same file twice changes nothing and answers
 * as the first time. A file that is not valid against its XSD is refused with {@link
 * dev.avance.bank.iso20022.InvalidBankMessageException} and nothing of it is applied. Returns once
 * the file and its entries are committed; the caller may then forget the file.
 */
public interface BankFileReceiver {
  ReceivedFile receive(Channel channel, byte[] xml);

  /**
   * What became of a received file.
   *
   * @param duplicate true when this message id had been received before (nothing applied now)
   * @param entries the number of entries (transactions) the file carries
   */
  record ReceivedFile(long id, String messageId, String type, boolean duplicate, int entries) {}
}
