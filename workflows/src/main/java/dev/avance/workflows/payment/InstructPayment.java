package dev.avance.workflows.payment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Activity input: send one payment to the bank. {@code paymentId} is the business key (loan id +
 * step, e.g. {@code <loan>:payout} or {@code <loan>:debit:1}); the bank receives each payment id at
 * most once, whatever is retried. Direct debits carry the mandate reference; {@code executionDate}
 * is the requested execution (payout) or collection (debit) date. {@code payeeName} names the
 * account holder of a refund (null for the others: the borrower's name is read with the payment).
 */
public record InstructPayment(
    String paymentId,
    String loanId,
    String platformId,
    String borrowerId,
    PaymentType type,
    long amountCents,
    String iban,
    String bic,
    String mandateReference,
    String remittanceReference,
    LocalDate executionDate,
    Instant at,
    String payeeName) {

  public InstructPayment(
      String paymentId,
      String loanId,
      String platformId,
      String borrowerId,
      PaymentType type,
      long amountCents,
      String iban,
      String bic,
      String mandateReference,
      String remittanceReference,
      LocalDate executionDate,
      Instant at) {
    this(
        paymentId,
        loanId,
        platformId,
        borrowerId,
        type,
        amountCents,
        iban,
        bic,
        mandateReference,
        remittanceReference,
        executionDate,
        at,
        null);
  }
}
