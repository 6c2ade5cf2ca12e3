package dev.avance.bank.iso20022;

import static dev.avance.bank.iso20022.Values.EUR;
import static dev.avance.bank.iso20022.Values.NOT_PROVIDED;
import static dev.avance.bank.iso20022.Values.cents;
import static dev.avance.bank.iso20022.Values.decimal;
import static dev.avance.bank.iso20022.Values.require;

import dev.avance.bank.iso20022.DirectDebitInitiation.DirectDebit;
import dev.avance.bank.iso20022.jaxb.pain008.AccountIdentification4Choice;
import dev.avance.bank.iso20022.jaxb.pain008.ActiveOrHistoricCurrencyAndAmount;
import dev.avance.bank.iso20022.jaxb.pain008.BranchAndFinancialInstitutionIdentification6;
import dev.avance.bank.iso20022.jaxb.pain008.CashAccount38;
import dev.avance.bank.iso20022.jaxb.pain008.ChargeBearerType1Code;
import dev.avance.bank.iso20022.jaxb.pain008.CreditorReferenceInformation2;
import dev.avance.bank.iso20022.jaxb.pain008.CreditorReferenceType1Choice;
import dev.avance.bank.iso20022.jaxb.pain008.CreditorReferenceType2;
import dev.avance.bank.iso20022.jaxb.pain008.CustomerDirectDebitInitiationV09;
import dev.avance.bank.iso20022.jaxb.pain008.DirectDebitTransaction10;
import dev.avance.bank.iso20022.jaxb.pain008.DirectDebitTransactionInformation23;
import dev.avance.bank.iso20022.jaxb.pain008.Document;
import dev.avance.bank.iso20022.jaxb.pain008.DocumentType3Code;
import dev.avance.bank.iso20022.jaxb.pain008.FinancialInstitutionIdentification18;
import dev.avance.bank.iso20022.jaxb.pain008.GenericFinancialIdentification1;
import dev.avance.bank.iso20022.jaxb.pain008.GenericPersonIdentification1;
import dev.avance.bank.iso20022.jaxb.pain008.GroupHeader83;
import dev.avance.bank.iso20022.jaxb.pain008.LocalInstrument2Choice;
import dev.avance.bank.iso20022.jaxb.pain008.MandateRelatedInformation14;
import dev.avance.bank.iso20022.jaxb.pain008.ObjectFactory;
import dev.avance.bank.iso20022.jaxb.pain008.Party38Choice;
import dev.avance.bank.iso20022.jaxb.pain008.PartyIdentification135;
import dev.avance.bank.iso20022.jaxb.pain008.PaymentIdentification6;
import dev.avance.bank.iso20022.jaxb.pain008.PaymentInstruction37;
import dev.avance.bank.iso20022.jaxb.pain008.PaymentMethod2Code;
import dev.avance.bank.iso20022.jaxb.pain008.PaymentTypeInformation29;
import dev.avance.bank.iso20022.jaxb.pain008.PersonIdentification13;
import dev.avance.bank.iso20022.jaxb.pain008.PersonIdentificationSchemeName1Choice;
import dev.avance.bank.iso20022.jaxb.pain008.RemittanceInformation16;
import dev.avance.bank.iso20022.jaxb.pain008.SequenceType3Code;
import dev.avance.bank.iso20022.jaxb.pain008.ServiceLevel8Choice;
import dev.avance.bank.iso20022.jaxb.pain008.StructuredRemittanceInformation16;
import jakarta.xml.bind.JAXBElement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** pain.008.001.09 as the EPC's SDD Core and B2B customer-to-bank guidelines fill it. */
final class Pain008 {
  static final Class<?> OBJECT_FACTORY = ObjectFactory.class;

  private Pain008() {}

  static JAXBElement<Document> write(DirectDebitInitiation message) {
    require(message.debits() != null && !message.debits().isEmpty(), "no direct debit");
    require(message.creditor() != null, "no creditor");
    require(message.scheme() != null, "no scheme (CORE or B2B)");
    require(message.sequenceType() != null, "no sequence type");
    for (DirectDebit debit : message.debits()) {
      Values.requirePositive(debit.amountCents(), "the amount of " + debit.endToEndId());
      require(debit.debtor() != null, "no debtor for " + debit.endToEndId());
      require(
          debit.remittance() == null
              || debit.remittance().unstructured() == null
              || debit.remittance().creditorReference() == null,
          "the EPC allows either text or a creditor reference, not both, for "
              + debit.endToEndId());
    }
    BigDecimal controlSum = Values.controlSum(message.debits(), DirectDebit::amountCents);
    String count = Values.nbOfTxs(message.debits());

    GroupHeader83 header = new GroupHeader83();
    header.setMsgId(message.messageId());
    header.setCreDtTm(message.createdAt());
    header.setNbOfTxs(count);
    header.setCtrlSum(controlSum);
    // The record has no initiating party: Avance initiates for its own account.
    header.setInitgPty(party(message.creditor().name()));

    PaymentInstruction37 block = new PaymentInstruction37();
    // One block per message, so the message id identifies the block too (the record has no
    // PmtInfId); pain.002 and camt.055 refer to it by the same id.
    block.setPmtInfId(message.messageId());
    block.setPmtMtd(PaymentMethod2Code.DD);
    block.setNbOfTxs(count);
    block.setCtrlSum(controlSum);
    PaymentTypeInformation29 paymentType = new PaymentTypeInformation29();
    ServiceLevel8Choice sepa = new ServiceLevel8Choice();
    sepa.setCd("SEPA");
    paymentType.getSvcLvl().add(sepa);
    LocalInstrument2Choice scheme = new LocalInstrument2Choice();
    scheme.setCd(message.scheme().name());
    paymentType.setLclInstrm(scheme);
    paymentType.setSeqTp(SequenceType3Code.valueOf(message.sequenceType().name()));
    block.setPmtTpInf(paymentType);
    block.setReqdColltnDt(message.collectionDate());
    block.setCdtr(party(message.creditor().name()));
    block.setCdtrAcct(account(message.creditor().iban()));
    // CdtrAgt is mandatory in the schema, the BIC optional in SEPA: the EPC's placeholder then.
    block.setCdtrAgt(agentOrNotProvided(message.creditor().bic()));
    block.setChrgBr(ChargeBearerType1Code.SLEV);
    block.setCdtrSchmeId(creditorSchemeId(message.creditorSchemeId()));
    for (DirectDebit debit : message.debits()) {
      block.getDrctDbtTxInf().add(transaction(debit));
    }

    CustomerDirectDebitInitiationV09 initiation = new CustomerDirectDebitInitiationV09();
    initiation.setGrpHdr(header);
    initiation.getPmtInf().add(block);
    Document document = new Document();
    document.setCstmrDrctDbtInitn(initiation);
    return new ObjectFactory().createDocument(document);
  }

  private static DirectDebitTransactionInformation23 transaction(DirectDebit debit) {
    DirectDebitTransactionInformation23 tx = new DirectDebitTransactionInformation23();
    PaymentIdentification6 id = new PaymentIdentification6();
    id.setEndToEndId(debit.endToEndId());
    tx.setPmtId(id);
    ActiveOrHistoricCurrencyAndAmount amount = new ActiveOrHistoricCurrencyAndAmount();
    amount.setCcy(EUR);
    amount.setValue(decimal(debit.amountCents()));
    tx.setInstdAmt(amount);
    MandateRelatedInformation14 mandate = new MandateRelatedInformation14();
    mandate.setMndtId(debit.mandateId());
    mandate.setDtOfSgntr(debit.mandateSignedOn());
    DirectDebitTransaction10 directDebit = new DirectDebitTransaction10();
    directDebit.setMndtRltdInf(mandate);
    tx.setDrctDbtTx(directDebit);
    Party debtor = debit.debtor();
    tx.setDbtrAgt(agentOrNotProvided(debtor.bic()));
    tx.setDbtr(party(debtor.name()));
    tx.setDbtrAcct(account(debtor.iban()));
    tx.setRmtInf(remittance(debit.remittance()));
    return tx;
  }

  private static PartyIdentification135 creditorSchemeId(String id) {
    if (id == null) {
      return null;
    }
    PersonIdentificationSchemeName1Choice sepa = new PersonIdentificationSchemeName1Choice();
    sepa.setPrtry("SEPA");
    GenericPersonIdentification1 other = new GenericPersonIdentification1();
    other.setId(id);
    other.setSchmeNm(sepa);
    PersonIdentification13 person = new PersonIdentification13();
    person.getOthr().add(other);
    Party38Choice choice = new Party38Choice();
    choice.setPrvtId(person);
    PartyIdentification135 party = new PartyIdentification135();
    party.setId(choice);
    return party;
  }

  static DirectDebitInitiation read(Document document) {
    CustomerDirectDebitInitiationV09 initiation = document.getCstmrDrctDbtInitn();
    GroupHeader83 header = initiation.getGrpHdr();
    PaymentInstruction37 block =
        Values.single(initiation.getPmtInf(), "pain.008 PmtInf (Avance writes one block)");
    PaymentTypeInformation29 type = block.getPmtTpInf();
    if (type == null) {
      DirectDebitTransactionInformation23 tx = Values.first(block.getDrctDbtTxInf());
      type = tx == null ? null : tx.getPmtTpInf();
    }
    List<DirectDebit> debits = new ArrayList<>();
    String schemeId = creditorSchemeId(block.getCdtrSchmeId());
    for (DirectDebitTransactionInformation23 tx : block.getDrctDbtTxInf()) {
      MandateRelatedInformation14 mandate =
          tx.getDrctDbtTx() == null ? null : tx.getDrctDbtTx().getMndtRltdInf();
      if (schemeId == null && tx.getDrctDbtTx() != null) {
        schemeId = creditorSchemeId(tx.getDrctDbtTx().getCdtrSchmeId());
      }
      debits.add(
          new DirectDebit(
              tx.getPmtId().getEndToEndId(),
              cents(tx.getInstdAmt().getValue(), "pain.008 InstdAmt"),
              mandate == null ? null : mandate.getMndtId(),
              mandate == null ? null : mandate.getDtOfSgntr(),
              party(tx.getDbtr(), tx.getDbtrAcct(), tx.getDbtrAgt()),
              remittance(tx.getRmtInf())));
    }
    return new DirectDebitInitiation(
        header.getMsgId(),
        header.getCreDtTm(),
        party(block.getCdtr(), block.getCdtrAcct(), block.getCdtrAgt()),
        schemeId,
        scheme(type),
        sequenceType(type),
        block.getReqdColltnDt(),
        debits);
  }

  private static SddScheme scheme(PaymentTypeInformation29 type) {
    String code = type == null || type.getLclInstrm() == null ? null : type.getLclInstrm().getCd();
    if ("CORE".equals(code)) {
      return SddScheme.CORE;
    }
    if ("B2B".equals(code)) {
      return SddScheme.B2B;
    }
    throw new InvalidBankMessageException(
        "pain.008: LclInstrm/Cd must be CORE or B2B, the file has "
            + (code == null ? "none" : "'" + SecureXml.truncate(code) + "'"));
  }

  private static SequenceType sequenceType(PaymentTypeInformation29 type) {
    SequenceType3Code code = type == null ? null : type.getSeqTp();
    if (code == null || code == SequenceType3Code.RPRE) {
      throw new InvalidBankMessageException(
          "pain.008: SeqTp must be FRST, RCUR, OOFF or FNAL, the file has "
              + (code == null ? "none" : code.name()));
    }
    return SequenceType.valueOf(code.name());
  }

  private static String creditorSchemeId(PartyIdentification135 party) {
    if (party == null || party.getId() == null || party.getId().getPrvtId() == null) {
      return null;
    }
    GenericPersonIdentification1 other = Values.first(party.getId().getPrvtId().getOthr());
    return other == null ? null : other.getId();
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
