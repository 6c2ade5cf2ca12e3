package dev.avance.bank.iso20022;

/**
 * The ISO bank transaction code of an entry (BkTxCd/Domn): domain, family and sub-family, e.g.
 * PMNT/RCDT/ESCT (a SEPA credit transfer received), PMNT/ICDT/ESCT (one issued), PMNT/IDDT/ESDD (a
 * SEPA direct debit collected by the creditor), PMNT/IDDT/UPDD (a direct debit returned unpaid),
 * PMNT/ICDT/RRTN (a credit transfer returned).
 */
public record BankTransactionCode(String domain, String family, String subFamily) {
  public static final BankTransactionCode RECEIVED_CREDIT_TRANSFER =
      new BankTransactionCode("PMNT", "RCDT", "ESCT");
  public static final BankTransactionCode ISSUED_CREDIT_TRANSFER =
      new BankTransactionCode("PMNT", "ICDT", "ESCT");
  public static final BankTransactionCode RETURNED_CREDIT_TRANSFER =
      new BankTransactionCode("PMNT", "ICDT", "RRTN");
  public static final BankTransactionCode COLLECTED_DIRECT_DEBIT =
      new BankTransactionCode("PMNT", "IDDT", "ESDD");
  public static final BankTransactionCode COLLECTED_B2B_DIRECT_DEBIT =
      new BankTransactionCode("PMNT", "IDDT", "BBDD");
  public static final BankTransactionCode UNPAID_DIRECT_DEBIT =
      new BankTransactionCode("PMNT", "IDDT", "UPDD");
}
