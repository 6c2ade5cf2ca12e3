package dev.avance.bank.iso20022;

import java.time.Instant;

/** One ISO 20022 message, read or to be written: the records of this package. */
public sealed interface BankMessage
    permits CreditTransferInitiation,
        DirectDebitInitiation,
        PaymentStatusReport,
        DebitCreditNotification,
        AccountStatement,
        CancellationRequest,
        CancellationResolution {

  MessageType type();

  /** The sender's id of the message (GrpHdr/MsgId, or Assgnmt/Id for camt.055 and camt.029). */
  String messageId();

  Instant createdAt();
}
