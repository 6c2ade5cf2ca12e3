package dev.avance.bank.iso20022;

/**
 * What a payment says to its payee: free text (at most 140 characters), or a structured ISO 11649
 * creditor reference ({@code RF...}, written as {@code Strd/CdtrRefInf} of type SCOR). Either may
 * be null; a message read from a bank may carry both.
 */
public record Remittance(String unstructured, String creditorReference) {
  public static Remittance reference(String creditorReference) {
    return new Remittance(null, creditorReference);
  }

  public static Remittance text(String unstructured) {
    return new Remittance(unstructured, null);
  }
}
