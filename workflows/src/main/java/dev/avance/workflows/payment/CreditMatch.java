package dev.avance.workflows.payment;

/**
 * What an incoming credit pays: a loan ({@code loanId}), a bill ({@code billId}), or nothing (both
 * null). {@code billId} is absent from matches recorded before bills could be paid by transfer.
 */
public record CreditMatch(String loanId, String platformId, String billId) {
  public CreditMatch(String loanId, String platformId) {
    this(loanId, platformId, null);
  }
}
