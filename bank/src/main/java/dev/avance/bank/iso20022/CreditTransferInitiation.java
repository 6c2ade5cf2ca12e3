package dev.avance.bank.iso20022;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * pain.001: credit transfers from Avance's account, one payment information block. {@code instant}
 * asks for SCT Inst (service level SEPA, local instrument INST); otherwise SEPA credit transfers
 * executed on {@code requestedExecutionDate}.
 */
public record CreditTransferInitiation(
    String messageId,
    Instant createdAt,
    Party debtor,
    boolean instant,
    LocalDate requestedExecutionDate,
    List<CreditTransfer> transfers)
    implements BankMessage {

  @Override
  public MessageType type() {
    return MessageType.PAIN_001;
  }

  /** One transfer; {@code endToEndId} at most 35 characters, the bank deduplicates by it. */
  public record CreditTransfer(
      String endToEndId, long amountCents, Party creditor, Remittance remittance) {}
}
