package dev.avance.bank.iso20022;

import static dev.avance.bank.iso20022.Values.EUR;
import static dev.avance.bank.iso20022.Values.cents;
import static dev.avance.bank.iso20022.Values.decimal;
import static dev.avance.bank.iso20022.Values.require;

import dev.avance.bank.iso20022.PaymentStatusReport.TransactionStatusEntry;
import dev.avance.bank.iso20022.jaxb.pain002.ActiveOrHistoricCurrencyAndAmount;
import dev.avance.bank.iso20022.jaxb.pain002.AmountType4Choice;
import dev.avance.bank.iso20022.jaxb.pain002.CustomerPaymentStatusReportV11;
import dev.avance.bank.iso20022.jaxb.pain002.Document;
import dev.avance.bank.iso20022.jaxb.pain002.GroupHeader86;
import dev.avance.bank.iso20022.jaxb.pain002.ObjectFactory;
import dev.avance.bank.iso20022.jaxb.pain002.OriginalGroupHeader17;
import dev.avance.bank.iso20022.jaxb.pain002.OriginalPaymentInstruction38;
import dev.avance.bank.iso20022.jaxb.pain002.OriginalTransactionReference31;
import dev.avance.bank.iso20022.jaxb.pain002.PaymentTransaction126;
import dev.avance.bank.iso20022.jaxb.pain002.StatusReason6Choice;
import dev.avance.bank.iso20022.jaxb.pain002.StatusReasonInformation12;
import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.List;

/** pain.002.001.11: the bank's status of a pain.001 or pain.008, by group and by transaction. */
final class Pain002 {
  static final Class<?> OBJECT_FACTORY = ObjectFactory.class;

  private Pain002() {}

  static JAXBElement<Document> write(PaymentStatusReport message) {
    require(message.originalType() != null, "no original message type (OrgnlMsgNmId)");
    GroupHeader86 header = new GroupHeader86();
    header.setMsgId(message.messageId());
    header.setCreDtTm(message.createdAt());

    OriginalGroupHeader17 group = new OriginalGroupHeader17();
    group.setOrgnlMsgId(message.originalMessageId());
    group.setOrgnlMsgNmId(message.originalType().code());
    if (message.groupStatus() != null) {
      group.setGrpSts(message.groupStatus().name());
    }
    if (message.groupReasonCode() != null) {
      group.getStsRsnInf().add(reason(message.groupReasonCode()));
    }

    CustomerPaymentStatusReportV11 report = new CustomerPaymentStatusReportV11();
    report.setGrpHdr(header);
    report.setOrgnlGrpInfAndSts(group);
    List<TransactionStatusEntry> transactions =
        message.transactions() == null ? List.of() : message.transactions();
    if (!transactions.isEmpty()) {
      OriginalPaymentInstruction38 block = new OriginalPaymentInstruction38();
      // The record has no PmtInfId: Avance's pain.001 and pain.008 use the message id for their
      // one block, so that is the original block's id.
      block.setOrgnlPmtInfId(message.originalMessageId());
      for (TransactionStatusEntry entry : transactions) {
        block.getTxInfAndSts().add(transaction(entry));
      }
      report.getOrgnlPmtInfAndSts().add(block);
    }
    Document document = new Document();
    document.setCstmrPmtStsRpt(report);
    return new ObjectFactory().createDocument(document);
  }

  private static PaymentTransaction126 transaction(TransactionStatusEntry entry) {
    PaymentTransaction126 tx = new PaymentTransaction126();
    tx.setStsId(entry.statusId());
    tx.setOrgnlEndToEndId(entry.originalEndToEndId());
    tx.setTxSts(entry.status() == null ? null : entry.status().name());
    if (entry.reasonCode() != null) {
      tx.getStsRsnInf().add(reason(entry.reasonCode()));
    }
    if (entry.amountCents() != null) {
      ActiveOrHistoricCurrencyAndAmount amount = new ActiveOrHistoricCurrencyAndAmount();
      amount.setCcy(EUR);
      amount.setValue(decimal(entry.amountCents()));
      AmountType4Choice choice = new AmountType4Choice();
      choice.setInstdAmt(amount);
      OriginalTransactionReference31 reference = new OriginalTransactionReference31();
      reference.setAmt(choice);
      tx.setOrgnlTxRef(reference);
    }
    return tx;
  }

  private static StatusReasonInformation12 reason(String code) {
    StatusReason6Choice reason = new StatusReason6Choice();
    reason.setCd(code);
    StatusReasonInformation12 info = new StatusReasonInformation12();
    info.setRsn(reason);
    return info;
  }

  static PaymentStatusReport read(Document document) {
    CustomerPaymentStatusReportV11 report = document.getCstmrPmtStsRpt();
    OriginalGroupHeader17 group = report.getOrgnlGrpInfAndSts();
    TransactionStatus groupStatus = status(group.getGrpSts(), "GrpSts");
    List<TransactionStatusEntry> transactions = new ArrayList<>();
    for (OriginalPaymentInstruction38 block : report.getOrgnlPmtInfAndSts()) {
      TransactionStatus blockStatus = status(block.getPmtInfSts(), "PmtInfSts");
      for (PaymentTransaction126 tx : block.getTxInfAndSts()) {
        TransactionStatus status = status(tx.getTxSts(), "TxSts");
        // A bank may state the status once for the block or the group rather than per payment.
        if (status == null) {
          status = blockStatus != null ? blockStatus : groupStatus;
        }
        transactions.add(
            new TransactionStatusEntry(
                tx.getStsId(),
                tx.getOrgnlEndToEndId(),
                status,
                reasonCode(tx.getStsRsnInf()),
                amountCents(tx.getOrgnlTxRef())));
      }
    }
    return new PaymentStatusReport(
        report.getGrpHdr().getMsgId(),
        report.getGrpHdr().getCreDtTm(),
        group.getOrgnlMsgId(),
        Values.typeFromName(group.getOrgnlMsgNmId()),
        groupStatus,
        reasonCode(group.getStsRsnInf()),
        transactions);
  }

  private static TransactionStatus status(String code, String element) {
    if (code == null) {
      return null;
    }
    try {
      return TransactionStatus.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidBankMessageException(
          "pain.002: unsupported " + element + " '" + SecureXml.truncate(code) + "'");
    }
  }

  /** The ISO code of the first reason given; a bank's proprietary code when it gives no other. */
  private static String reasonCode(List<StatusReasonInformation12> reasons) {
    String proprietary = null;
    for (StatusReasonInformation12 info : reasons) {
      if (info.getRsn() != null && info.getRsn().getCd() != null) {
        return info.getRsn().getCd();
      }
      if (proprietary == null && info.getRsn() != null) {
        proprietary = info.getRsn().getPrtry();
      }
    }
    return proprietary;
  }

  private static Long amountCents(OriginalTransactionReference31 reference) {
    if (reference == null) {
      return null;
    }
    if (reference.getAmt() != null && reference.getAmt().getInstdAmt() != null) {
      return cents(reference.getAmt().getInstdAmt().getValue(), "pain.002 OrgnlTxRef/Amt");
    }
    if (reference.getIntrBkSttlmAmt() != null) {
      return cents(reference.getIntrBkSttlmAmt().getValue(), "pain.002 OrgnlTxRef/IntrBkSttlmAmt");
    }
    return null;
  }
}
