package dev.avance.worker;

/** Request bodies several suites send as they are. */
final class Bodies {
  private Bodies() {}

  /** A default SEPA direct-debit repayment method on {@code iban}, signed by an adult. */
  static String sddMethod(String iban) {
    return """
        {"payment_method":"DIRECT_DEBIT",
         "from_account":{"account_number":"%s","bank_identifier":"PSSTFRPPPAR"},
         "business_email":"cfo@acme.test",
         "legal_representative":{"birth_date":"1980-05-17","nationality":"FRA","country_of_residence":"FRA"},
         "is_default_repayment_method":true}
        """
        .formatted(iban);
  }
}
