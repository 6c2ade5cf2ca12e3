package dev.avance.workflows.refund;

/**
 * What a credit holds to pay back, and where: the payer's account as the bank reported it. The
 * platform and borrower are those whose virtual IBAN received the credit.
 */
public record RefundClaim(
    String bankReference,
    String platformId,
    String borrowerId,
    long amountCents,
    String payeeIban,
    String payeeName) {}
