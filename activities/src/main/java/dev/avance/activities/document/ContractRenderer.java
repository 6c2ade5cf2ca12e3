package dev.avance.activities.document;

import dev.avance.workflows.rules.Interest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The loan contract as a PDF: what was agreed when the loan was VALIDATED, nothing later. */
final class ContractRenderer {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter ACCEPTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ContractRenderer() {}

  /** Everything the contract says, read once when it is issued. */
  record Contract(
      String loanId,
      Instant validatedAt,
      String lenderName,
      String borrowerName,
      String borrowerIdentifierType,
      String borrowerIdentifier,
      String borrowerCountry,
      String platformId,
      String invoiceNumber,
      long invoiceAmountCents,
      LocalDate invoiceIssueDate,
      LocalDate invoiceDueDate,
      String debtorName,
      String debtorIdentifier,
      long amountCents,
      LocalDate toPayAt,
      LocalDate toRepayAt,
      String payoutIban,
      String payoutBic,
      BigDecimal dailyRatePercent,
      String repaymentMethod,
      String repaymentIban,
      String repaymentBic,
      String mandateReference,
      String remittanceReference,
      Instant termsSignedAt,
      String termsVersion) {

    /** Days borrowed as billing counts them: the payout day counts, the repayment day not. */
    long days() {
      return Interest.days(toPayAt, toRepayAt);
    }

    /** The guide's formula as billing applies it, rounded once to the cent. */
    long feeEstimateCents() {
      return Interest.roundToCents(Interest.accrued(amountCents, days()));
    }

    boolean directDebit() {
      return "DIRECT_DEBIT".equals(repaymentMethod);
    }
  }

  /** The invoice's dates and debtor are optional in a loan request: a dash when absent. */
  private static String text(Object value) {
    return value == null ? "-" : value.toString();
  }

  static byte[] render(Contract c) {
    Locale locale = Amounts.locale(c.borrowerCountry());
    String rate = c.dailyRatePercent.stripTrailingZeros().toPlainString() + "%";
    try (PdfWriter pdf =
        new PdfWriter("Loan contract " + c.loanId(), c.validatedAt(), c.loanId())) {
      pdf.title("Loan contract")
          .field("Loan", c.loanId())
          .field("Validated on", c.validatedAt().atZone(PARIS).toLocalDate().toString())
          .heading("Parties")
          .field("Lender", c.lenderName())
          .field(
              "Borrower",
              c.borrowerName()
                  + " ("
                  + c.borrowerIdentifierType()
                  + " "
                  + c.borrowerIdentifier()
                  + ", "
                  + c.borrowerCountry()
                  + ")")
          .field("Platform", c.platformId())
          .heading("Invoice financed")
          .field("Number", c.invoiceNumber())
          .field("Amount", Amounts.format(c.invoiceAmountCents(), locale))
          .field("Issued on", text(c.invoiceIssueDate()))
          .field("Due on", text(c.invoiceDueDate()))
          .field(
              "Debtor",
              text(c.debtorName())
                  + (c.debtorIdentifier() == null ? "" : " (" + c.debtorIdentifier() + ")"))
          .heading("Loan")
          .field("Amount", Amounts.format(c.amountCents(), locale))
          .field("Paid out on", c.toPayAt().toString())
          .field(
              "Paid out to",
              text(c.payoutIban()) + (c.payoutBic() == null ? "" : " " + c.payoutBic()))
          .field("Repaid on", c.toRepayAt().toString())
          .field("Days borrowed", Long.toString(c.days()))
          .heading("Interest")
          .field("Daily rate", rate + " of the amount per day")
          .field("Formula", "Interest = " + rate + " × loan amount × days borrowed")
          .field("Fee estimate", Amounts.format(c.feeEstimateCents(), locale))
          .paragraph(
              "The estimate assumes repayment on the repayment day. Interest accrues from the"
                  + " payout day until the principal is repaid, at least one day, is not subject to"
                  + " VAT, and is billed at the beginning of each month.")
          .heading("Repayment")
          .field("Method", c.directDebit() ? "SEPA direct debit" : "SEPA credit transfer")
          .field("Reference", c.remittanceReference());
      if (c.directDebit()) {
        pdf.field(
                "Debited from",
                text(c.repaymentIban()) + (c.repaymentBic() == null ? "" : " " + c.repaymentBic()))
            .field("Mandate", c.mandateReference())
            .paragraph(
                "Avance collects the amount from this account by SEPA direct debit under the"
                    + " mandate above, on the repayment day (the next TARGET business day when it"
                    + " is closed).");
      } else {
        pdf.field("Transfer to", c.repaymentIban())
            .field("BIC", c.repaymentBic())
            .paragraph(
                "Transfer the amount to this IBAN by the repayment day, quoting the reference"
                    + " above so that the transfer is matched to this loan automatically.");
      }
      pdf.heading("Terms and conditions")
          .field("Version signed", c.termsVersion() == null ? "-" : c.termsVersion())
          .field(
              "Accepted on",
              c.termsSignedAt() == null
                  ? "-"
                  : ACCEPTED.format(c.termsSignedAt().atZone(PARIS)) + " (Paris)")
          .space(10)
          .paragraph(
              "This contract was generated once, when the loan was validated, and is stored"
                  + " unchanged by Avance with its SHA-256.");
      return pdf.toBytes();
    }
  }
}
