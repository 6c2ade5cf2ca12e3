package dev.avance.bank.iso20022;

import static dev.avance.bank.iso20022.Values.NOT_PROVIDED;
import static dev.avance.bank.iso20022.Values.require;

import dev.avance.bank.iso20022.CancellationResolution.Status;
import dev.avance.bank.iso20022.jaxb.camt029.BranchAndFinancialInstitutionIdentification6;
import dev.avance.bank.iso20022.jaxb.camt029.CancellationIndividualStatus1Code;
import dev.avance.bank.iso20022.jaxb.camt029.CancellationStatusReason3Choice;
import dev.avance.bank.iso20022.jaxb.camt029.CancellationStatusReason4;
import dev.avance.bank.iso20022.jaxb.camt029.Case5;
import dev.avance.bank.iso20022.jaxb.camt029.CaseAssignment5;
import dev.avance.bank.iso20022.jaxb.camt029.Document;
import dev.avance.bank.iso20022.jaxb.camt029.FinancialInstitutionIdentification18;
import dev.avance.bank.iso20022.jaxb.camt029.GenericFinancialIdentification1;
import dev.avance.bank.iso20022.jaxb.camt029.InvestigationStatus5Choice;
import dev.avance.bank.iso20022.jaxb.camt029.ObjectFactory;
import dev.avance.bank.iso20022.jaxb.camt029.OriginalGroupHeader14;
import dev.avance.bank.iso20022.jaxb.camt029.OriginalGroupInformation29;
import dev.avance.bank.iso20022.jaxb.camt029.OriginalPaymentInstruction35;
import dev.avance.bank.iso20022.jaxb.camt029.Party40Choice;
import dev.avance.bank.iso20022.jaxb.camt029.PaymentTransaction122;
import dev.avance.bank.iso20022.jaxb.camt029.PaymentTransaction127;
import dev.avance.bank.iso20022.jaxb.camt029.ResolutionOfInvestigationV10;
import dev.avance.bank.iso20022.jaxb.camt029.UnderlyingTransaction25;
import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.List;

/**
 * camt.029.001.10: the bank's answer to a camt.055. Written by the bank simulator, read by Avance;
 * banks put the cancelled payment either in CxlDtls/TxInfAndSts or under CxlDtls/OrgnlPmtInfAndSts,
 * and both are read.
 */
final class Camt029 {
  static final Class<?> OBJECT_FACTORY = ObjectFactory.class;

  private Camt029() {}

  static JAXBElement<Document> write(CancellationResolution message) {
    require(message.status() != null, "no status (CNCL, RJCR or PDCR)");
    // The record names neither party nor the case's creator; the schema requires all three, so
    // they are written as the EPC's placeholder agent.
    CaseAssignment5 assignment = new CaseAssignment5();
    assignment.setId(message.messageId());
    assignment.setAssgnr(notProvided());
    assignment.setAssgne(notProvided());
    assignment.setCreDtTm(message.createdAt());

    InvestigationStatus5Choice status = new InvestigationStatus5Choice();
    status.setConf(message.status().name());

    ResolutionOfInvestigationV10 resolution = new ResolutionOfInvestigationV10();
    resolution.setAssgnmt(assignment);
    if (message.caseId() != null) {
      Case5 resolved = new Case5();
      resolved.setId(message.caseId());
      resolved.setCretr(notProvided());
      resolution.setRslvdCase(resolved);
    }
    resolution.setSts(status);

    PaymentTransaction127 tx = new PaymentTransaction127();
    if (message.originalMessageId() != null) {
      OriginalGroupInformation29 group = new OriginalGroupInformation29();
      group.setOrgnlMsgId(message.originalMessageId());
      // OrgnlMsgNmId is mandatory and the record does not say whether the cancelled payment was
      // a pain.001 or a pain.008: the EPC's placeholder rather than a guess.
      group.setOrgnlMsgNmId(NOT_PROVIDED);
      tx.setOrgnlGrpInf(group);
    }
    tx.setOrgnlEndToEndId(message.originalEndToEndId());
    tx.setTxCxlSts(individualStatus(message.status()));
    if (message.reasonCode() != null) {
      tx.getCxlStsRsnInf().add(reason(message.reasonCode()));
    }
    UnderlyingTransaction25 details = new UnderlyingTransaction25();
    details.getTxInfAndSts().add(tx);
    resolution.getCxlDtls().add(details);

    Document document = new Document();
    document.setRsltnOfInvstgtn(resolution);
    return new ObjectFactory().createDocument(document);
  }

  private static CancellationIndividualStatus1Code individualStatus(Status status) {
    return switch (status) {
      case CNCL -> CancellationIndividualStatus1Code.ACCR;
      case RJCR -> CancellationIndividualStatus1Code.RJCR;
      case PDCR -> CancellationIndividualStatus1Code.PDCR;
    };
  }

  static CancellationResolution read(Document document) {
    ResolutionOfInvestigationV10 resolution = document.getRsltnOfInvstgtn();
    CaseAssignment5 assignment = resolution.getAssgnmt();
    Status status = status(resolution.getSts());

    // What the payment's own element says first, then its block's, then the group's.
    List<Answer> payments = new ArrayList<>();
    Answer group = Answer.NONE;
    for (UnderlyingTransaction25 details : resolution.getCxlDtls()) {
      OriginalGroupHeader14 header = details.getOrgnlGrpInfAndSts();
      if (header != null) {
        group =
            new Answer(
                caseId(header.getRslvdCase()),
                header.getOrgnlMsgId(),
                null,
                reasonCode(header.getCxlStsRsnInf()));
      }
      for (PaymentTransaction127 tx : details.getTxInfAndSts()) {
        payments.add(
            new Answer(
                caseId(tx.getRslvdCase()),
                tx.getOrgnlGrpInf() == null ? null : tx.getOrgnlGrpInf().getOrgnlMsgId(),
                tx.getOrgnlEndToEndId(),
                reasonCode(tx.getCxlStsRsnInf())));
      }
      for (OriginalPaymentInstruction35 block : details.getOrgnlPmtInfAndSts()) {
        Answer blockAnswer =
            new Answer(
                caseId(block.getRslvdCase()),
                block.getOrgnlGrpInf() == null ? null : block.getOrgnlGrpInf().getOrgnlMsgId(),
                null,
                reasonCode(block.getCxlStsRsnInf()));
        for (PaymentTransaction122 tx : block.getTxInfAndSts()) {
          payments.add(
              new Answer(
                      caseId(tx.getRslvdCase()),
                      null,
                      tx.getOrgnlEndToEndId(),
                      reasonCode(tx.getCxlStsRsnInf()))
                  .orElse(blockAnswer));
        }
        if (block.getTxInfAndSts().isEmpty()) {
          payments.add(blockAnswer);
        }
      }
    }
    if (payments.size() > 1) {
      throw new InvalidBankMessageException(
          "camt.029: the file answers for "
              + payments.size()
              + " payments; Avance asks for one cancellation a request");
    }
    Answer answer =
        new Answer(caseId(resolution.getRslvdCase()), null, null, null)
            .orElse(payments.isEmpty() ? Answer.NONE : payments.get(0))
            .orElse(group);
    return new CancellationResolution(
        assignment.getId(),
        assignment.getCreDtTm(),
        answer.caseId,
        status,
        answer.messageId,
        answer.endToEndId,
        answer.reason);
  }

  /** What one level of CxlDtls says of the cancelled payment; null where it says nothing. */
  private record Answer(String caseId, String messageId, String endToEndId, String reason) {
    static final Answer NONE = new Answer(null, null, null, null);

    Answer orElse(Answer other) {
      return new Answer(
          caseId != null ? caseId : other.caseId,
          messageId != null ? messageId : other.messageId,
          endToEndId != null ? endToEndId : other.endToEndId,
          reason != null ? reason : other.reason);
    }
  }

  private static String caseId(Case5 theCase) {
    return theCase == null ? null : theCase.getId();
  }

  private static Status status(InvestigationStatus5Choice status) {
    String code = status.getConf();
    if (code == null) {
      throw new InvalidBankMessageException(
          "camt.029: Sts must be a confirmation (Sts/Conf CNCL, RJCR or PDCR)");
    }
    for (Status known : Status.values()) {
      if (known.name().equals(code)) {
        return known;
      }
    }
    throw new InvalidBankMessageException(
        "camt.029: unsupported Sts/Conf '" + SecureXml.truncate(code) + "'");
  }

  private static String reasonCode(List<CancellationStatusReason4> reasons) {
    for (CancellationStatusReason4 info : reasons) {
      if (info.getRsn() != null) {
        return info.getRsn().getCd() != null ? info.getRsn().getCd() : info.getRsn().getPrtry();
      }
    }
    return null;
  }

  private static CancellationStatusReason4 reason(String code) {
    CancellationStatusReason3Choice reason = new CancellationStatusReason3Choice();
    reason.setCd(code);
    CancellationStatusReason4 info = new CancellationStatusReason4();
    info.setRsn(reason);
    return info;
  }

  private static Party40Choice notProvided() {
    GenericFinancialIdentification1 other = new GenericFinancialIdentification1();
    other.setId(NOT_PROVIDED);
    FinancialInstitutionIdentification18 institution = new FinancialInstitutionIdentification18();
    institution.setOthr(other);
    BranchAndFinancialInstitutionIdentification6 agent =
        new BranchAndFinancialInstitutionIdentification6();
    agent.setFinInstnId(institution);
    Party40Choice choice = new Party40Choice();
    choice.setAgt(agent);
    return choice;
  }
}
