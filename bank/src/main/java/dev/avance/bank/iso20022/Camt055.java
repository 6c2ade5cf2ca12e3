package dev.avance.bank.iso20022;

import static dev.avance.bank.iso20022.Values.EUR;
import static dev.avance.bank.iso20022.Values.NOT_PROVIDED;
import static dev.avance.bank.iso20022.Values.cents;
import static dev.avance.bank.iso20022.Values.decimal;
import static dev.avance.bank.iso20022.Values.require;

import dev.avance.bank.iso20022.jaxb.camt055.AccountIdentification4Choice;
import dev.avance.bank.iso20022.jaxb.camt055.ActiveOrHistoricCurrencyAndAmount;
import dev.avance.bank.iso20022.jaxb.camt055.BranchAndFinancialInstitutionIdentification6;
import dev.avance.bank.iso20022.jaxb.camt055.CancellationReason33Choice;
import dev.avance.bank.iso20022.jaxb.camt055.Case5;
import dev.avance.bank.iso20022.jaxb.camt055.CaseAssignment5;
import dev.avance.bank.iso20022.jaxb.camt055.CashAccount38;
import dev.avance.bank.iso20022.jaxb.camt055.ControlData1;
import dev.avance.bank.iso20022.jaxb.camt055.CustomerPaymentCancellationRequestV09;
import dev.avance.bank.iso20022.jaxb.camt055.Document;
import dev.avance.bank.iso20022.jaxb.camt055.FinancialInstitutionIdentification18;
import dev.avance.bank.iso20022.jaxb.camt055.GenericFinancialIdentification1;
import dev.avance.bank.iso20022.jaxb.camt055.ObjectFactory;
import dev.avance.bank.iso20022.jaxb.camt055.OriginalGroupInformation29;
import dev.avance.bank.iso20022.jaxb.camt055.OriginalPaymentInstruction36;
import dev.avance.bank.iso20022.jaxb.camt055.OriginalTransactionReference31;
import dev.avance.bank.iso20022.jaxb.camt055.Party40Choice;
import dev.avance.bank.iso20022.jaxb.camt055.PartyIdentification135;
import dev.avance.bank.iso20022.jaxb.camt055.PaymentCancellationReason5;
import dev.avance.bank.iso20022.jaxb.camt055.PaymentTransaction124;
import dev.avance.bank.iso20022.jaxb.camt055.UnderlyingTransaction27;
import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.List;

/**
 * camt.055.001.09: Avance asks its bank to cancel one payment of a pain.001 or pain.008 it sent.
 * Avance is the assigner and the case's creator; the bank (its agent) the assignee.
 */
final class Camt055 {
  static final Class<?> OBJECT_FACTORY = ObjectFactory.class;

  private Camt055() {}

  static JAXBElement<Document> write(CancellationRequest message) {
    require(message.assigner() != null, "no assigner");
    require(
        message.originalType() == MessageType.PAIN_001
            || message.originalType() == MessageType.PAIN_008,
        "a cancellation request cancels a payment of a pain.001 or a pain.008, not "
            + message.originalType());
    Values.requirePositive(message.amountCents(), "the original amount");
    Party assigner = message.assigner();

    CaseAssignment5 assignment = new CaseAssignment5();
    assignment.setId(message.messageId());
    assignment.setAssgnr(party(assigner.name()));
    // The bank is the assignee: its BIC is the assigner's account's BIC; SEPA lets that be
    // unknown, hence the EPC's placeholder.
    assignment.setAssgne(agent(assigner.bic()));
    assignment.setCreDtTm(message.createdAt());

    Case5 theCase = new Case5();
    theCase.setId(message.caseId());
    theCase.setCretr(party(assigner.name()));

    ControlData1 control = new ControlData1();
    control.setNbOfTxs("1");
    control.setCtrlSum(decimal(message.amountCents()));

    OriginalGroupInformation29 originalGroup = new OriginalGroupInformation29();
    originalGroup.setOrgnlMsgId(message.originalMessageId());
    originalGroup.setOrgnlMsgNmId(message.originalType().code());

    PaymentTransaction124 tx = new PaymentTransaction124();
    tx.setOrgnlEndToEndId(message.originalEndToEndId());
    ActiveOrHistoricCurrencyAndAmount amount = new ActiveOrHistoricCurrencyAndAmount();
    amount.setCcy(EUR);
    amount.setValue(decimal(message.amountCents()));
    tx.setOrgnlInstdAmt(amount);
    if (message.reasonCode() != null) {
      CancellationReason33Choice reason = new CancellationReason33Choice();
      reason.setCd(message.reasonCode());
      PaymentCancellationReason5 info = new PaymentCancellationReason5();
      info.setRsn(reason);
      tx.getCxlRsnInf().add(info);
    }
    // Avance's own account in the original payment, so that the bank finds the payment by it: the
    // debtor's of a transfer, the creditor's of a direct debit.
    OriginalTransactionReference31 reference = new OriginalTransactionReference31();
    if (assigner.iban() != null || assigner.bic() != null) {
      if (message.originalType() == MessageType.PAIN_001) {
        reference.setDbtrAcct(account(assigner.iban()));
        reference.setDbtrAgt(assigner.bic() == null ? null : agentOrNotProvided(assigner.bic()));
      } else {
        reference.setCdtrAcct(account(assigner.iban()));
        reference.setCdtrAgt(assigner.bic() == null ? null : agentOrNotProvided(assigner.bic()));
      }
      tx.setOrgnlTxRef(reference);
    }

    OriginalPaymentInstruction36 block = new OriginalPaymentInstruction36();
    // The record has no PmtInfId: Avance's pain.001 and pain.008 use the message id for their
    // one block, so that is the original block's id.
    block.setOrgnlPmtInfId(message.originalMessageId());
    block.setOrgnlGrpInf(originalGroup);
    block.getTxInf().add(tx);
    UnderlyingTransaction27 underlying = new UnderlyingTransaction27();
    underlying.getOrgnlPmtInfAndCxl().add(block);

    CustomerPaymentCancellationRequestV09 request = new CustomerPaymentCancellationRequestV09();
    request.setAssgnmt(assignment);
    request.setCase(theCase);
    request.setCtrlData(control);
    request.getUndrlyg().add(underlying);
    Document document = new Document();
    document.setCstmrPmtCxlReq(request);
    return new ObjectFactory().createDocument(document);
  }

  static CancellationRequest read(Document document) {
    CustomerPaymentCancellationRequestV09 request = document.getCstmrPmtCxlReq();
    CaseAssignment5 assignment = request.getAssgnmt();
    List<OriginalPaymentInstruction36> blocks = new ArrayList<>();
    List<PaymentTransaction124> transactions = new ArrayList<>();
    for (UnderlyingTransaction27 underlying : request.getUndrlyg()) {
      for (OriginalPaymentInstruction36 block : underlying.getOrgnlPmtInfAndCxl()) {
        blocks.add(block);
        transactions.addAll(block.getTxInf());
      }
    }
    OriginalPaymentInstruction36 block =
        Values.single(blocks, "camt.055 OrgnlPmtInfAndCxl (Avance cancels one payment a request)");
    PaymentTransaction124 tx =
        Values.single(transactions, "camt.055 TxInf (Avance cancels one payment a request)");

    String caseId =
        request.getCase() != null
            ? request.getCase().getId()
            : tx.getCase() != null
                ? tx.getCase().getId()
                : block.getCase() != null ? block.getCase().getId() : null;
    OriginalGroupInformation29 originalGroup = block.getOrgnlGrpInf();
    String originalMessageId = originalGroup == null ? null : originalGroup.getOrgnlMsgId();
    if (originalMessageId == null && request.getUndrlyg().get(0).getOrgnlGrpInfAndCxl() != null) {
      originalMessageId = request.getUndrlyg().get(0).getOrgnlGrpInfAndCxl().getOrgnlMsgId();
    }
    MessageType originalType =
        originalGroup == null ? null : Values.typeFromName(originalGroup.getOrgnlMsgNmId());
    if (tx.getOrgnlInstdAmt() == null) {
      throw new InvalidBankMessageException("camt.055: TxInf has no OrgnlInstdAmt");
    }
    return new CancellationRequest(
        assignment.getId(),
        assignment.getCreDtTm(),
        caseId,
        assigner(assignment.getAssgnr(), tx.getOrgnlTxRef(), originalType),
        originalMessageId,
        originalType,
        tx.getOrgnlEndToEndId(),
        cents(tx.getOrgnlInstdAmt().getValue(), "camt.055 OrgnlInstdAmt"),
        reasonCode(tx.getCxlRsnInf()));
  }

  private static Party assigner(
      Party40Choice assigner, OriginalTransactionReference31 reference, MessageType originalType) {
    String name = null;
    String bic = null;
    if (assigner.getPty() != null) {
      name = assigner.getPty().getNm();
    } else if (assigner.getAgt() != null) {
      name = assigner.getAgt().getFinInstnId().getNm();
    }
    String iban = null;
    if (reference != null) {
      boolean debtor = originalType != MessageType.PAIN_008;
      CashAccount38 account = debtor ? reference.getDbtrAcct() : reference.getCdtrAcct();
      BranchAndFinancialInstitutionIdentification6 agent =
          debtor ? reference.getDbtrAgt() : reference.getCdtrAgt();
      iban = account == null ? null : account.getId().getIBAN();
      bic = agent == null ? null : agent.getFinInstnId().getBICFI();
    }
    return name == null && iban == null && bic == null ? null : new Party(name, iban, bic);
  }

  private static String reasonCode(List<PaymentCancellationReason5> reasons) {
    for (PaymentCancellationReason5 info : reasons) {
      if (info.getRsn() != null) {
        return info.getRsn().getCd() != null ? info.getRsn().getCd() : info.getRsn().getPrtry();
      }
    }
    return null;
  }

  private static Party40Choice party(String name) {
    PartyIdentification135 party = new PartyIdentification135();
    party.setNm(name);
    Party40Choice choice = new Party40Choice();
    choice.setPty(party);
    return choice;
  }

  private static Party40Choice agent(String bic) {
    Party40Choice choice = new Party40Choice();
    choice.setAgt(agentOrNotProvided(bic));
    return choice;
  }

  private static BranchAndFinancialInstitutionIdentification6 agentOrNotProvided(String bic) {
    FinancialInstitutionIdentification18 institution = new FinancialInstitutionIdentification18();
    if (bic != null) {
      institution.setBICFI(bic);
    } else {
      GenericFinancialIdentification1 other = new GenericFinancialIdentification1();
      other.setId(NOT_PROVIDED);
      institution.setOthr(other);
    }
    BranchAndFinancialInstitutionIdentification6 agent =
        new BranchAndFinancialInstitutionIdentification6();
    agent.setFinInstnId(institution);
    return agent;
  }

  private static CashAccount38 account(String iban) {
    if (iban == null) {
      return null;
    }
    AccountIdentification4Choice id = new AccountIdentification4Choice();
    id.setIBAN(iban);
    CashAccount38 account = new CashAccount38();
    account.setId(id);
    return account;
  }
}
