package dev.avance.api.loan;

/** The financing products; invoice-based financing is the one the guide describes. */
public enum LoanType {
  INVOICE_BASED_FINANCING
}
