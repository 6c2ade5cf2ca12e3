package dev.avance.bank.iso20022;

import static dev.avance.bank.iso20022.Values.EUR;
import static dev.avance.bank.iso20022.Values.NOT_PROVIDED;
import static dev.avance.bank.iso20022.Values.cents;
import static dev.avance.bank.iso20022.Values.decimal;
import static dev.avance.bank.iso20022.Values.require;

import dev.avance.bank.iso20022.CreditTransferInitiation.CreditTransfer;
import dev.avance.bank.iso20022.jaxb.pain001.AccountIdentification4Choice;
import dev.avance.bank.iso20022.jaxb.pain001.ActiveOrHistoricCurrencyAndAmount;
import dev.avance.bank.iso20022.jaxb.pain001.AmountType4Choice;
import dev.avance.bank.iso20022.jaxb.pain001.BranchAndFinancialInstitutionIdentification6;
import dev.avance.bank.iso20022.jaxb.pain001.CashAccount38;
import dev.avance.bank.iso20022.jaxb.pain001.ChargeBearerType1Code;
import dev.avance.bank.iso20022.jaxb.pain001.CreditTransferTransaction40;
import dev.avance.bank.iso20022.jaxb.pain001.CreditorReferenceInformation2;
import dev.avance.bank.iso20022.jaxb.pain001.CreditorReferenceType1Choice;
import dev.avance.bank.iso20022.jaxb.pain001.CreditorReferenceType2;
import dev.avance.bank.iso20022.jaxb.pain001.CustomerCreditTransferInitiationV10;
import dev.avance.bank.iso20022.jaxb.pain001.DateAndDateTime2Choice;
import dev.avance.bank.iso20022.jaxb.pain001.Document;
import dev.avance.bank.iso20022.jaxb.pain001.DocumentType3Code;
import dev.avance.bank.iso20022.jaxb.pain001.FinancialInstitutionIdentification18;
import dev.avance.bank.iso20022.jaxb.pain001.GenericFinancialIdentification1;
import dev.avance.bank.iso20022.jaxb.pain001.GroupHeader95;
import dev.avance.bank.iso20022.jaxb.pain001.LocalInstrument2Choice;
import dev.avance.bank.iso20022.jaxb.pain001.ObjectFactory;
import dev.avance.bank.iso20022.jaxb.pain001.PartyIdentification135;
import dev.avance.bank.iso20022.jaxb.pain001.PaymentIdentification6;
import dev.avance.bank.iso20022.jaxb.pain001.PaymentInstruction34;
import dev.avance.bank.iso20022.jaxb.pain001.PaymentMethod3Code;
import dev.avance.bank.iso20022.jaxb.pain001.PaymentTypeInformation26;
import dev.avance.bank.iso20022.jaxb.pain001.RemittanceInformation16;
import dev.avance.bank.iso20022.jaxb.pain001.ServiceLevel8Choice;
import dev.avance.bank.iso20022.jaxb.pain001.StructuredRemittanceInformation16;
import jakarta.xml.bind.JAXBElement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** pain.001.001.10 as the EPC's SCT and SCT Inst customer-to-bank guidelines fill it. */
final class Pain001 {
  static final Class<?> OBJECT_FACTORY = ObjectFactory.class;

  private Pain001() {}

  static JAXBElement<Document> write(CreditTransferInitiation message) {
    require(message.transfers() != null && !message.transfers().isEmpty(), "no transfer");
    require(message.debtor() != null, "no debtor");
    for (CreditTransfer transfer : message.transfers()) {
      Values.requirePositive(transfer.amountCents(), "the amount of " + transfer.endToEndId());
      require(transfer.creditor() != null, "no creditor for " + transfer.endToEndId());
      require(
          transfer.remittance() == null
              || transfer.remittance().unstructured() == null
              || transfer.remittance().creditorReference() == null,
          "the EPC allows either text or a creditor reference, not both, for "
              + transfer.endToEndId());
    }
    BigDecimal controlSum = Values.controlSum(message.transfers(), CreditTransfer::amountCents);
    String count = Values.nbOfTxs(message.transfers());

    GroupHeader95 header = new GroupHeader95();
    header.setMsgId(message.messageId());
    header.setCreDtTm(message.createdAt());
    header.setNbOfTxs(count);
    header.setCtrlSum(controlSum);
    // The record has no initiating party: Avance initiates for its own account.
    header.setInitgPty(party(message.debtor().name()));

    PaymentInstruction34 block = new PaymentInstruction34();
    // One block per message, so the message id identifies the block too (the record has no
    // PmtInfId); pain.002 and camt.055 refer to it by the same id.
    block.setPmtInfId(message.messageId());
    block.setPmtMtd(PaymentMethod3Code.TRF);
    block.setNbOfTxs(count);
    block.setCtrlSum(controlSum);
    PaymentTypeInformation26 paymentType = new PaymentTypeInformation26();
    ServiceLevel8Choice sepa = new ServiceLevel8Choice();
    sepa.setCd("SEPA");
    paymentType.getSvcLvl().add(sepa);
    if (message.instant()) {
      LocalInstrument2Choice inst = new LocalInstrument2Choice();
      inst.setCd("INST");
      paymentType.setLclInstrm(inst);
    }
    block.setPmtTpInf(paymentType);
    DateAndDateTime2Choice executionDate = new DateAndDateTime2Choice();
    // ReqdExctnDt is mandatory; an instant transfer without a date is for the day it is made.
    executionDate.setDt(
        message.requestedExecutionDate() != null
            ? message.requestedExecutionDate()
            : Values.bankDay(message.createdAt()));
    block.setReqdExctnDt(executionDate);
    block.setDbtr(party(message.debtor().name()));
    block.setDbtrAcct(account(message.debtor().iban()));
    // DbtrAgt is mandatory in the schema, the BIC optional in SEPA: the EPC's placeholder then.
    block.setDbtrAgt(agentOrNotProvided(message.debtor().bic()));
    block.setChrgBr(ChargeBearerType1Code.SLEV);
    for (CreditTransfer transfer : message.transfers()) {
      block.getCdtTrfTxInf().add(transaction(transfer));
    }

    CustomerCreditTransferInitiationV10 initiation = new CustomerCreditTransferInitiationV10();
    initiation.setGrpHdr(header);
    initiation.getPmtInf().add(block);
    Document document = new Document();
    document.setCstmrCdtTrfInitn(initiation);
    return new ObjectFactory().createDocument(document);
  }

  private static CreditTransferTransaction40 transaction(CreditTransfer transfer) {
    CreditTransferTransaction40 tx = new CreditTransferTransaction40();
    PaymentIdentification6 id = new PaymentIdentification6();
    id.setEndToEndId(transfer.endToEndId());
    tx.setPmtId(id);
    AmountType4Choice amount = new AmountType4Choice();
    amount.setInstdAmt(amount(transfer.amountCents()));
    tx.setAmt(amount);
    Party creditor = transfer.creditor();
    if (creditor.bic() != null) {
      tx.setCdtrAgt(agent(creditor.bic()));
    }
    tx.setCdtr(party(creditor.name()));
    tx.setCdtrAcct(account(creditor.iban()));
    tx.setRmtInf(remittance(transfer.remittance()));
    return tx;
  }

  static CreditTransferInitiation read(Document document) {
    CustomerCreditTransferInitiationV10 initiation = document.getCstmrCdtTrfInitn();
    GroupHeader95 header = initiation.getGrpHdr();
    PaymentInstruction34 block =
        Values.single(initiation.getPmtInf(), "pain.001 PmtInf (Avance writes one block)");
    List<CreditTransfer> transfers = new ArrayList<>();
    for (CreditTransferTransaction40 tx : block.getCdtTrfTxInf()) {
      transfers.add(
          new CreditTransfer(
              tx.getPmtId().getEndToEndId(),
              transferCents(tx),
              party(tx.getCdtr(), tx.getCdtrAcct(), tx.getCdtrAgt()),
              remittance(tx.getRmtInf())));
    }
    return new CreditTransferInitiation(
        header.getMsgId(),
        header.getCreDtTm(),
        party(block.getDbtr(), block.getDbtrAcct(), block.getDbtrAgt()),
        instant(block),
        block.getReqdExctnDt().getDt() != null
            ? block.getReqdExctnDt().getDt()
            : Values.bankDay(block.getReqdExctnDt().getDtTm()),
        transfers);
  }

  private static long transferCents(CreditTransferTransaction40 tx) {
    if (tx.getAmt().getInstdAmt() == null) {
      throw new InvalidBankMessageException(
          "pain.001: only InstdAmt is supported, not EqvtAmt (EndToEndId "
              + tx.getPmtId().getEndToEndId()
              + ")");
    }
    return cents(tx.getAmt().getInstdAmt().getValue(), "pain.001 InstdAmt");
  }

  private static boolean instant(PaymentInstruction34 block) {
    PaymentTypeInformation26 type = block.getPmtTpInf();
    if (type == null || type.getLclInstrm() == null) {
      CreditTransferTransaction40 tx = Values.first(block.getCdtTrfTxInf());
      type = tx == null ? null : tx.getPmtTpInf();
    }
    return type != null
        && type.getLclInstrm() != null
        && "INST".equals(type.getLclInstrm().getCd());
  }

  private static ActiveOrHistoricCurrencyAndAmount amount(long cents) {
    ActiveOrHistoricCurrencyAndAmount amount = new ActiveOrHistoricCurrencyAndAmount();
    amount.setCcy(EUR);
    amount.setValue(decimal(cents));
    return amount;
  }

  private static PartyIdentification135 party(String name) {
    PartyIdentification135 party = new PartyIdentification135();
    party.setNm(name);
    return party;
  }

  private static CashAccount38 account(String iban) {
    AccountIdentification4Choice id = new AccountIdentification4Choice();
    id.setIBAN(iban);
    CashAccount38 account = new CashAccount38();
    account.setId(id);
    return account;
  }

  private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
    FinancialInstitutionIdentification18 institution = new FinancialInstitutionIdentification18();
    institution.setBICFI(bic);
    BranchAndFinancialInstitutionIdentification6 agent =
        new BranchAndFinancialInstitutionIdentification6();
    agent.setFinInstnId(institution);
    return agent;
  }

  private static BranchAndFinancialInstitutionIdentification6 agentOrNotProvided(String bic) {
    if (bic != null) {
      return agent(bic);
    }
    GenericFinancialIdentification1 other = new GenericFinancialIdentification1();
    other.setId(NOT_PROVIDED);
    FinancialInstitutionIdentification18 institution = new FinancialInstitutionIdentification18();
    institution.setOthr(other);
    BranchAndFinancialInstitutionIdentification6 agent =
        new BranchAndFinancialInstitutionIdentification6();
    agent.setFinInstnId(institution);
    return agent;
  }

  private static Party party(
      PartyIdentification135 party,
      CashAccount38 account,
      BranchAndFinancialInstitutionIdentification6 agent) {
    String name = party == null ? null : party.getNm();
    String iban = account == null ? null : account.getId().getIBAN();
    String bic = agent == null ? null : agent.getFinInstnId().getBICFI();
    return name == null && iban == null && bic == null ? null : new Party(name, iban, bic);
  }

  private static RemittanceInformation16 remittance(Remittance remittance) {
    if (remittance == null
        || (remittance.unstructured() == null && remittance.creditorReference() == null)) {
      return null;
    }
    RemittanceInformation16 info = new RemittanceInformation16();
    if (remittance.unstructured() != null) {
      info.getUstrd().add(remittance.unstructured());
    }
    if (remittance.creditorReference() != null) {
      CreditorReferenceType1Choice code = new CreditorReferenceType1Choice();
      code.setCd(DocumentType3Code.SCOR);
      CreditorReferenceType2 type = new CreditorReferenceType2();
      type.setCdOrPrtry(code);
      CreditorReferenceInformation2 reference = new CreditorReferenceInformation2();
      reference.setTp(type);
      reference.setRef(remittance.creditorReference());
      StructuredRemittanceInformation16 structured = new StructuredRemittanceInformation16();
      structured.setCdtrRefInf(reference);
      info.getStrd().add(structured);
    }
    return info;
  }

  private static Remittance remittance(RemittanceInformation16 info) {
    if (info == null) {
      return null;
    }
    String reference = null;
    for (StructuredRemittanceInformation16 structured : info.getStrd()) {
      if (structured.getCdtrRefInf() != null && structured.getCdtrRefInf().getRef() != null) {
        reference = structured.getCdtrRefInf().getRef();
        break;
      }
    }
    return Values.remittance(info.getUstrd(), reference);
  }
}
