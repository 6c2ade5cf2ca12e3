package dev.avance.bank.iso20022;

/**
 * ISO 20022 ExternalPaymentTransactionStatus1Code values a bank reports in pain.002: received,
 * technically accepted, accepted (customer profile, settlement in process, settlement completed,
 * credit settled on the creditor's account as SCT Inst banks report, funds checked, issued, with
 * change, without posting), partially accepted (also by the total count), pending, rejected,
 * cancelled.
 */
public enum TransactionStatus {
  RCVD,
  ACTC,
  ACCP,
  ACSP,
  ACSC,
  ACCC,
  ACFC,
  ACIS,
  ACWC,
  ACWP,
  PDNG,
  PART,
  PATC,
  RJCT,
  CANC;

  public boolean rejected() {
    return this == RJCT;
  }
}
