package dev.avance.bank.iso20022;

/**
 * ISO 20022 ExternalPaymentTransactionStatus1Code values a bank reports in pain.002: received,
 * technically accepted, accepted (customer profile, settlement in process, settlement completed,
 * with change), pending, partially accepted, rejected, cancelled.
 */
public enum TransactionStatus {
  RCVD,
  ACTC,
  ACCP,
  ACSP,
  ACSC,
  ACWC,
  PDNG,
  PART,
  RJCT,
  CANC;

  public boolean rejected() {
    return this == RJCT;
  }
}
