package dev.avance.activities.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A monthly bill as a PDF: its lines, total, due date and how to pay it. */
public final class BillRenderer {
  private static final float[] COLUMNS = {0, 178, 222, 270, -345, -420, -495};

  private BillRenderer() {}

  /** Everything a bill's PDF says; {@code asOf} dates the document (the bill's last change). */
  public record Bill(
      String id,
      String period,
      String payerType,
      String payerName,
      String payerId,
      LocalDate billDate,
      LocalDate dueDate,
      String status,
      long totalCents,
      List<Line> lines,
      String iban,
      String bic,
      String reference,
      boolean directDebit,
      LocalDate collectionDate,
      String country,
      Instant asOf) {}

  /** One line of the bill: a loan's interest or penalty over its days. */
  public record Line(
      String kind,
      String loanId,
      LocalDate firstDay,
      LocalDate lastDay,
      int days,
      long principalCents,
      long amountCents) {}

  public static byte[] render(Bill b) {
    Locale locale = Amounts.locale(b.country());
    try (PdfWriter pdf = new PdfWriter("Bill " + b.id(), b.asOf(), b.id() + ":" + b.asOf())) {
      pdf.title("Interest bill " + b.period())
          .field("Bill", b.id())
          .field("Billed to", b.payerName() + " (" + b.payerType() + " " + b.payerId() + ")")
          .field("Bill date", b.billDate().toString())
          .field("Due date", b.dueDate().toString())
          .field("Status", b.status())
          .heading("Lines")
          .row(true, COLUMNS, "Loan", "Kind", "From", "To", "Days", "Principal", "Amount");
      for (Line l : b.lines()) {
        pdf.row(
            false,
            COLUMNS,
            l.loanId(),
            l.kind(),
            l.firstDay().toString(),
            l.lastDay().toString(),
            Integer.toString(l.days()),
            Amounts.format(l.principalCents(), locale),
            Amounts.format(l.amountCents(), locale));
      }
      pdf.space(6)
          .field("Total", Amounts.format(b.totalCents(), locale))
          .paragraph("Interest is not subject to VAT.")
          .heading("Payment");
      if (b.directDebit()) {
        pdf.paragraph(
            "Collected by SEPA direct debit"
                + (b.collectionDate() == null ? "" : " on " + b.collectionDate())
                + "; nothing to do.");
      }
      pdf.field("Transfer to", b.iban())
          .field("BIC", b.bic())
          .field("Reference", b.reference())
          .paragraph(
              "To pay by transfer, quote the reference above by the due date: the payment is"
                  + " matched to this bill automatically.");
      return pdf.toBytes();
    }
  }
}
