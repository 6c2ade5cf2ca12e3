package dev.avance.bank.iso20022;

import static dev.avance.bank.iso20022.Values.cents;
import static dev.avance.bank.iso20022.Values.decimal;
import static dev.avance.bank.iso20022.Values.require;

import dev.avance.bank.iso20022.AccountEntries.Entry;
import dev.avance.bank.iso20022.AccountEntries.EntryDetail;
import dev.avance.bank.iso20022.jaxb.camt054.AccountIdentification4Choice;
import dev.avance.bank.iso20022.jaxb.camt054.AccountNotification17;
import dev.avance.bank.iso20022.jaxb.camt054.ActiveOrHistoricCurrencyAndAmount;
import dev.avance.bank.iso20022.jaxb.camt054.BankToCustomerDebitCreditNotificationV08;
import dev.avance.bank.iso20022.jaxb.camt054.BankTransactionCodeStructure4;
import dev.avance.bank.iso20022.jaxb.camt054.BankTransactionCodeStructure5;
import dev.avance.bank.iso20022.jaxb.camt054.BankTransactionCodeStructure6;
import dev.avance.bank.iso20022.jaxb.camt054.BranchAndFinancialInstitutionIdentification6;
import dev.avance.bank.iso20022.jaxb.camt054.CashAccount38;
import dev.avance.bank.iso20022.jaxb.camt054.CashAccount39;
import dev.avance.bank.iso20022.jaxb.camt054.CreditDebitCode;
import dev.avance.bank.iso20022.jaxb.camt054.CreditorReferenceInformation2;
import dev.avance.bank.iso20022.jaxb.camt054.CreditorReferenceType1Choice;
import dev.avance.bank.iso20022.jaxb.camt054.CreditorReferenceType2;
import dev.avance.bank.iso20022.jaxb.camt054.DateAndDateTime2Choice;
import dev.avance.bank.iso20022.jaxb.camt054.Document;
import dev.avance.bank.iso20022.jaxb.camt054.DocumentType3Code;
import dev.avance.bank.iso20022.jaxb.camt054.EntryDetails9;
import dev.avance.bank.iso20022.jaxb.camt054.EntryStatus1Choice;
import dev.avance.bank.iso20022.jaxb.camt054.EntryTransaction10;
import dev.avance.bank.iso20022.jaxb.camt054.FinancialInstitutionIdentification18;
import dev.avance.bank.iso20022.jaxb.camt054.GroupHeader81;
import dev.avance.bank.iso20022.jaxb.camt054.ObjectFactory;
import dev.avance.bank.iso20022.jaxb.camt054.Party40Choice;
import dev.avance.bank.iso20022.jaxb.camt054.PartyIdentification135;
import dev.avance.bank.iso20022.jaxb.camt054.PaymentReturnReason5;
import dev.avance.bank.iso20022.jaxb.camt054.RemittanceInformation16;
import dev.avance.bank.iso20022.jaxb.camt054.ReportEntry10;
import dev.avance.bank.iso20022.jaxb.camt054.ReturnReason5Choice;
import dev.avance.bank.iso20022.jaxb.camt054.StructuredRemittanceInformation16;
import dev.avance.bank.iso20022.jaxb.camt054.TransactionAgents5;
import dev.avance.bank.iso20022.jaxb.camt054.TransactionParties6;
import dev.avance.bank.iso20022.jaxb.camt054.TransactionReferences6;
import jakarta.xml.bind.JAXBElement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * camt.054.001.08: bookings as they happen. The entry mapping is the same as camt.053's ({@link
 * Camt053}) over classes of another package, as the two schemas declare the same types in two
 * namespaces.
 */
final class Camt054 {
  static final Class<?> OBJECT_FACTORY = ObjectFactory.class;

  private Camt054() {}

  static JAXBElement<Document> write(DebitCreditNotification message) {
    require(
        message.notifications() != null && !message.notifications().isEmpty(),
        "a camt.054 notifies at least one account (Ntfctn)");
    GroupHeader81 header = new GroupHeader81();
    header.setMsgId(message.messageId());
    header.setCreDtTm(message.createdAt());
    BankToCustomerDebitCreditNotificationV08 notification =
        new BankToCustomerDebitCreditNotificationV08();
    notification.setGrpHdr(header);
    for (AccountEntries account : message.notifications()) {
      AccountNotification17 ntfctn = new AccountNotification17();
      ntfctn.setId(account.id());
      ntfctn.setAcct(ownAccount(account.accountIban()));
      for (Entry entry : account.entries()) {
        ntfctn.getNtry().add(entry(entry));
      }
      notification.getNtfctn().add(ntfctn);
    }
    Document document = new Document();
    document.setBkToCstmrDbtCdtNtfctn(notification);
    return new ObjectFactory().createDocument(document);
  }

  private static ReportEntry10 entry(Entry entry) {
    require(entry.creditDebit() != null, "an entry needs its CdtDbtInd");
    require(entry.status() != null, "an entry needs its status");
    ReportEntry10 ntry = new ReportEntry10();
    ntry.setNtryRef(entry.entryReference());
    ntry.setAmt(amount(entry.amountCents(), entry.currency()));
    ntry.setCdtDbtInd(CreditDebitCode.valueOf(entry.creditDebit().name()));
    if (entry.reversal()) {
      ntry.setRvslInd(true);
    }
    EntryStatus1Choice status = new EntryStatus1Choice();
    status.setCd(entry.status().name());
    ntry.setSts(status);
    ntry.setBookgDt(date(entry.bookingDate()));
    ntry.setValDt(date(entry.valueDate()));
    ntry.setAcctSvcrRef(entry.accountServicerReference());
    ntry.setBkTxCd(code(entry.code()));
    if (entry.details() != null && !entry.details().isEmpty()) {
      EntryDetails9 details = new EntryDetails9();
      boolean debtorIsCounterparty = debtorIsCounterparty(entry.creditDebit(), entry.reversal());
      for (EntryDetail detail : entry.details()) {
        details.getTxDtls().add(detail(detail, entry, debtorIsCounterparty));
      }
      ntry.getNtryDtls().add(details);
    }
    return ntry;
  }

  private static EntryTransaction10 detail(
      EntryDetail detail, Entry entry, boolean debtorIsCounterparty) {
    EntryTransaction10 tx = new EntryTransaction10();
    TransactionReferences6 refs = new TransactionReferences6();
    refs.setAcctSvcrRef(detail.accountServicerReference());
    refs.setEndToEndId(detail.endToEndId());
    refs.setMndtId(detail.mandateId());
    tx.setRefs(refs);
    tx.setAmt(amount(detail.amountCents(), entry.currency()));
    tx.setCdtDbtInd(CreditDebitCode.valueOf(entry.creditDebit().name()));
    Party counterparty = detail.counterparty();
    if (counterparty != null) {
      TransactionParties6 parties = new TransactionParties6();
      if (debtorIsCounterparty) {
        parties.setDbtr(party(counterparty.name()));
        parties.setDbtrAcct(account(counterparty.iban()));
      } else {
        parties.setCdtr(party(counterparty.name()));
        parties.setCdtrAcct(account(counterparty.iban()));
      }
      tx.setRltdPties(parties);
      if (counterparty.bic() != null) {
        TransactionAgents5 agents = new TransactionAgents5();
        if (debtorIsCounterparty) {
          agents.setDbtrAgt(agent(counterparty.bic()));
        } else {
          agents.setCdtrAgt(agent(counterparty.bic()));
        }
        tx.setRltdAgts(agents);
      }
    }
    tx.setRmtInf(remittance(detail.remittance()));
    if (detail.returnReasonCode() != null) {
      ReturnReason5Choice reason = new ReturnReason5Choice();
      reason.setCd(detail.returnReasonCode());
      PaymentReturnReason5 returned = new PaymentReturnReason5();
      returned.setRsn(reason);
      tx.setRtrInf(returned);
    }
    return tx;
  }

  /**
   * Whether RltdPties/Dbtr is the other party: it is for money in, unless the entry reverses an
   * earlier booking (RvslInd), which keeps the original payment's parties: a returned direct debit
   * is a DBIT whose debtor is still the customer who was to pay.
   */
  static boolean debtorIsCounterparty(CreditDebit creditDebit, boolean reversal) {
    return (creditDebit == CreditDebit.CRDT) != reversal;
  }

  static DebitCreditNotification read(Document document) {
    BankToCustomerDebitCreditNotificationV08 notification = document.getBkToCstmrDbtCdtNtfctn();
    List<AccountEntries> accounts = new ArrayList<>();
    for (AccountNotification17 ntfctn : notification.getNtfctn()) {
      List<Entry> entries = new ArrayList<>();
      for (ReportEntry10 ntry : ntfctn.getNtry()) {
        entries.add(entry(ntry));
      }
      accounts.add(new AccountEntries(ntfctn.getId(), iban(ntfctn.getAcct()), entries));
    }
    return new DebitCreditNotification(
        notification.getGrpHdr().getMsgId(), notification.getGrpHdr().getCreDtTm(), accounts);
  }

  private static Entry entry(ReportEntry10 ntry) {
    CreditDebit creditDebit = CreditDebit.valueOf(ntry.getCdtDbtInd().name());
    boolean reversal = Boolean.TRUE.equals(ntry.isRvslInd());
    long entryCents = cents(ntry.getAmt().getValue(), "camt.054 Ntry/Amt");
    List<EntryTransaction10> transactions = new ArrayList<>();
    for (EntryDetails9 details : ntry.getNtryDtls()) {
      transactions.addAll(details.getTxDtls());
    }
    List<EntryDetail> details = new ArrayList<>();
    for (EntryTransaction10 tx : transactions) {
      details.add(detail(tx, creditDebit, reversal, entryCents, transactions.size()));
    }
    return new Entry(
        ntry.getNtryRef(),
        entryCents,
        ntry.getAmt().getCcy(),
        creditDebit,
        reversal,
        status(ntry.getSts()),
        date(ntry.getBookgDt()),
        date(ntry.getValDt()),
        ntry.getAcctSvcrRef(),
        code(ntry.getBkTxCd()),
        details);
  }

  private static EntryDetail detail(
      EntryTransaction10 tx,
      CreditDebit entryDirection,
      boolean reversal,
      long entryCents,
      int detailCount) {
    TransactionReferences6 refs = tx.getRefs();
    CreditDebit direction =
        tx.getCdtDbtInd() == null ? entryDirection : CreditDebit.valueOf(tx.getCdtDbtInd().name());
    return new EntryDetail(
        refs == null ? null : refs.getEndToEndId(),
        refs == null ? null : refs.getAcctSvcrRef(),
        detailCents(tx, entryCents, detailCount),
        counterparty(tx, debtorIsCounterparty(direction, reversal)),
        remittance(tx.getRmtInf()),
        returnReason(tx.getRtrInf()),
        refs == null ? null : refs.getMndtId());
  }

  private static long detailCents(EntryTransaction10 tx, long entryCents, int detailCount) {
    if (tx.getAmt() != null) {
      return cents(tx.getAmt().getValue(), "camt.054 TxDtls/Amt");
    }
    if (tx.getAmtDtls() != null
        && tx.getAmtDtls().getTxAmt() != null
        && tx.getAmtDtls().getTxAmt().getAmt() != null) {
      return cents(tx.getAmtDtls().getTxAmt().getAmt().getValue(), "camt.054 TxDtls/AmtDtls");
    }
    if (detailCount == 1) {
      return entryCents;
    }
    throw new InvalidBankMessageException(
        "camt.054: a TxDtls without an amount in an entry of "
            + detailCount
            + " transactions (EndToEndId "
            + (tx.getRefs() == null ? null : tx.getRefs().getEndToEndId())
            + ")");
  }

  private static Party counterparty(EntryTransaction10 tx, boolean debtor) {
    TransactionParties6 parties = tx.getRltdPties();
    TransactionAgents5 agents = tx.getRltdAgts();
    Party40Choice party = parties == null ? null : debtor ? parties.getDbtr() : parties.getCdtr();
    CashAccount38 account =
        parties == null ? null : debtor ? parties.getDbtrAcct() : parties.getCdtrAcct();
    BranchAndFinancialInstitutionIdentification6 agent =
        agents == null ? null : debtor ? agents.getDbtrAgt() : agents.getCdtrAgt();
    String name = null;
    String bic = null;
    if (party != null && party.getPty() != null) {
      name = party.getPty().getNm();
    } else if (party != null && party.getAgt() != null) {
      name = party.getAgt().getFinInstnId().getNm();
      bic = party.getAgt().getFinInstnId().getBICFI();
    }
    if (agent != null && agent.getFinInstnId().getBICFI() != null) {
      bic = agent.getFinInstnId().getBICFI();
    }
    String iban = account == null ? null : account.getId().getIBAN();
    return name == null && iban == null && bic == null ? null : new Party(name, iban, bic);
  }

  private static EntryStatus status(EntryStatus1Choice status) {
    String code = status.getCd();
    if (code != null) {
      for (EntryStatus known : EntryStatus.values()) {
        if (known.name().equals(code)) {
          return known;
        }
      }
    }
    throw new InvalidBankMessageException(
        "camt.054: unsupported entry status "
            + (code != null
                ? "'" + SecureXml.truncate(code) + "'"
                : "(proprietary '" + SecureXml.truncate(status.getPrtry()) + "')"));
  }

  private static String returnReason(PaymentReturnReason5 returned) {
    if (returned == null || returned.getRsn() == null) {
      return null;
    }
    return returned.getRsn().getCd() != null
        ? returned.getRsn().getCd()
        : returned.getRsn().getPrtry();
  }

  private static BankTransactionCode code(BankTransactionCodeStructure4 code) {
    if (code == null || code.getDomn() == null) {
      return null;
    }
    BankTransactionCodeStructure5 domain = code.getDomn();
    return new BankTransactionCode(
        domain.getCd(), domain.getFmly().getCd(), domain.getFmly().getSubFmlyCd());
  }

  private static BankTransactionCodeStructure4 code(BankTransactionCode code) {
    // BkTxCd is mandatory in the entry, its Domn is not: an entry without a code has an empty one.
    BankTransactionCodeStructure4 structure = new BankTransactionCodeStructure4();
    if (code != null) {
      BankTransactionCodeStructure6 family = new BankTransactionCodeStructure6();
      family.setCd(code.family());
      family.setSubFmlyCd(code.subFamily());
      BankTransactionCodeStructure5 domain = new BankTransactionCodeStructure5();
      domain.setCd(code.domain());
      domain.setFmly(family);
      structure.setDomn(domain);
    }
    return structure;
  }

  private static LocalDate date(DateAndDateTime2Choice date) {
    if (date == null) {
      return null;
    }
    return date.getDt() != null ? date.getDt() : Values.bankDay(date.getDtTm());
  }

  private static DateAndDateTime2Choice date(LocalDate date) {
    if (date == null) {
      return null;
    }
    DateAndDateTime2Choice choice = new DateAndDateTime2Choice();
    choice.setDt(date);
    return choice;
  }

  private static ActiveOrHistoricCurrencyAndAmount amount(long cents, String currency) {
    ActiveOrHistoricCurrencyAndAmount amount = new ActiveOrHistoricCurrencyAndAmount();
    amount.setCcy(currency);
    amount.setValue(decimal(cents));
    return amount;
  }

  private static String iban(CashAccount39 account) {
    return account.getId().getIBAN();
  }

  private static CashAccount39 ownAccount(String iban) {
    AccountIdentification4Choice id = new AccountIdentification4Choice();
    id.setIBAN(iban);
    CashAccount39 account = new CashAccount39();
    account.setId(id);
    return account;
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

  private static Party40Choice party(String name) {
    PartyIdentification135 party = new PartyIdentification135();
    party.setNm(name);
    Party40Choice choice = new Party40Choice();
    choice.setPty(party);
    return choice;
  }

  private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
    FinancialInstitutionIdentification18 institution = new FinancialInstitutionIdentification18();
    institution.setBICFI(bic);
    BranchAndFinancialInstitutionIdentification6 agent =
        new BranchAndFinancialInstitutionIdentification6();
    agent.setFinInstnId(institution);
    return agent;
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
