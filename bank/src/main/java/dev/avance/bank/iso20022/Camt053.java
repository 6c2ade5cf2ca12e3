package dev.avance.bank.iso20022;

import static dev.avance.bank.iso20022.Values.cents;

import dev.avance.bank.iso20022.AccountEntries.Entry;
import dev.avance.bank.iso20022.AccountEntries.EntryDetail;
import dev.avance.bank.iso20022.jaxb.camt053.AccountStatement9;
import dev.avance.bank.iso20022.jaxb.camt053.BankToCustomerStatementV08;
import dev.avance.bank.iso20022.jaxb.camt053.BankTransactionCodeStructure4;
import dev.avance.bank.iso20022.jaxb.camt053.BankTransactionCodeStructure5;
import dev.avance.bank.iso20022.jaxb.camt053.BranchAndFinancialInstitutionIdentification6;
import dev.avance.bank.iso20022.jaxb.camt053.CashAccount38;
import dev.avance.bank.iso20022.jaxb.camt053.CashAccount39;
import dev.avance.bank.iso20022.jaxb.camt053.DateAndDateTime2Choice;
import dev.avance.bank.iso20022.jaxb.camt053.Document;
import dev.avance.bank.iso20022.jaxb.camt053.EntryDetails9;
import dev.avance.bank.iso20022.jaxb.camt053.EntryStatus1Choice;
import dev.avance.bank.iso20022.jaxb.camt053.EntryTransaction10;
import dev.avance.bank.iso20022.jaxb.camt053.ObjectFactory;
import dev.avance.bank.iso20022.jaxb.camt053.Party40Choice;
import dev.avance.bank.iso20022.jaxb.camt053.PaymentReturnReason5;
import dev.avance.bank.iso20022.jaxb.camt053.RemittanceInformation16;
import dev.avance.bank.iso20022.jaxb.camt053.ReportEntry10;
import dev.avance.bank.iso20022.jaxb.camt053.StructuredRemittanceInformation16;
import dev.avance.bank.iso20022.jaxb.camt053.TransactionAgents5;
import dev.avance.bank.iso20022.jaxb.camt053.TransactionParties6;
import dev.avance.bank.iso20022.jaxb.camt053.TransactionReferences6;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * camt.053.001.08, read only: the day's statement. The entry mapping is camt.054's ({@link
 * Camt054}) over the classes of camt.053's namespace; the two schemas declare the same types twice.
 * Avance never writes a statement: the schema requires balances (Bal) the record does not carry.
 */
final class Camt053 {
  static final Class<?> OBJECT_FACTORY = ObjectFactory.class;

  private Camt053() {}

  static AccountStatement read(Document document) {
    BankToCustomerStatementV08 statement = document.getBkToCstmrStmt();
    List<AccountEntries> accounts = new ArrayList<>();
    for (AccountStatement9 stmt : statement.getStmt()) {
      List<Entry> entries = new ArrayList<>();
      for (ReportEntry10 ntry : stmt.getNtry()) {
        entries.add(entry(ntry));
      }
      accounts.add(new AccountEntries(stmt.getId(), iban(stmt.getAcct()), entries));
    }
    return new AccountStatement(
        statement.getGrpHdr().getMsgId(), statement.getGrpHdr().getCreDtTm(), accounts);
  }

  private static Entry entry(ReportEntry10 ntry) {
    CreditDebit creditDebit = CreditDebit.valueOf(ntry.getCdtDbtInd().name());
    boolean reversal = Boolean.TRUE.equals(ntry.isRvslInd());
    long entryCents = cents(ntry.getAmt().getValue(), "camt.053 Ntry/Amt");
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
        counterparty(tx, Camt054.debtorIsCounterparty(direction, reversal)),
        remittance(tx.getRmtInf()),
        returnReason(tx.getRtrInf()),
        refs == null ? null : refs.getMndtId());
  }

  private static long detailCents(EntryTransaction10 tx, long entryCents, int detailCount) {
    if (tx.getAmt() != null) {
      return cents(tx.getAmt().getValue(), "camt.053 TxDtls/Amt");
    }
    if (tx.getAmtDtls() != null
        && tx.getAmtDtls().getTxAmt() != null
        && tx.getAmtDtls().getTxAmt().getAmt() != null) {
      return cents(tx.getAmtDtls().getTxAmt().getAmt().getValue(), "camt.053 TxDtls/AmtDtls");
    }
    if (detailCount == 1) {
      return entryCents;
    }
    throw new InvalidBankMessageException(
        "camt.053: a TxDtls without an amount in an entry of "
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
        "camt.053: unsupported entry status "
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

  private static LocalDate date(DateAndDateTime2Choice date) {
    if (date == null) {
      return null;
    }
    return date.getDt() != null ? date.getDt() : Values.bankDay(date.getDtTm());
  }

  private static String iban(CashAccount39 account) {
    return account.getId().getIBAN();
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
