package dev.avance.activities.document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The T&Cs as a PDF, per country, version and language. The clauses follow the guide (daily
 * interest, monthly billing, repayment by the due date); each country's text names its law.
 */
public final class TermsRenderer {
  private TermsRenderer() {}

  private record Text(String title, String lawPrefix, List<String> clauses) {}

  private static final Map<String, Text> TEXTS =
      Map.of(
          "fr",
          new Text(
              "Conditions générales de financement de créances",
              "Droit applicable : ",
              List.of(
                  "Avance avance au vendeur tout ou partie d'une facture émise à un client"
                      + " professionnel ; le financement est remboursé à la date choisie, entre 1 et"
                      + " 120 jours après son versement.",
                  "Les intérêts courent chaque jour sur le montant restant dû, au taux quotidien"
                      + " indiqué au contrat (intérêts = taux × montant × jours), sans TVA, et sont"
                      + " facturés au début de chaque mois.",
                  "Le remboursement se fait par prélèvement SEPA ou par virement sur l'IBAN"
                      + " indiqué, en rappelant la référence du prêt.",
                  "Tout retard de remboursement peut suspendre la ligne de crédit.")),
          "es",
          new Text(
              "Condiciones generales de financiación de facturas",
              "Ley aplicable: ",
              List.of(
                  "Avance anticipa al vendedor la totalidad o parte de una factura emitida a un"
                      + " cliente empresarial; la financiación se devuelve en la fecha elegida, entre"
                      + " 1 y 120 días después de su pago.",
                  "Los intereses se devengan cada día sobre el importe pendiente, al tipo diario"
                      + " del contrato (intereses = tipo × importe × días), sin IVA, y se facturan al"
                      + " principio de cada mes.",
                  "El reembolso se hace por adeudo SEPA o por transferencia al IBAN indicado,"
                      + " citando la referencia del préstamo.",
                  "Cualquier retraso en el reembolso puede suspender la línea de crédito.")),
          "de",
          new Text(
              "Allgemeine Geschäftsbedingungen für Forderungsfinanzierung",
              "Anwendbares Recht: ",
              List.of(
                  "Avance bevorschusst dem Verkäufer eine an einen Geschäftskunden gestellte"
                      + " Rechnung ganz oder teilweise; die Finanzierung wird am gewählten Tag"
                      + " zurückgezahlt, 1 bis 120 Tage nach der Auszahlung.",
                  "Zinsen laufen täglich auf den offenen Betrag zum vertraglichen Tagessatz (Zinsen"
                      + " = Satz × Betrag × Tage), ohne Umsatzsteuer, und werden zu Beginn jedes"
                      + " Monats berechnet.",
                  "Die Rückzahlung erfolgt per SEPA-Lastschrift oder per Überweisung auf die"
                      + " angegebene IBAN unter Angabe der Referenz des Darlehens.",
                  "Jeder Zahlungsverzug kann die Kreditlinie aussetzen.")),
          "nl",
          new Text(
              "Algemene voorwaarden voor factuurfinanciering",
              "Toepasselijk recht: ",
              List.of(
                  "Avance schiet de verkoper een factuur aan een zakelijke klant geheel of"
                      + " gedeeltelijk voor; de financiering wordt terugbetaald op de gekozen datum,"
                      + " 1 tot 120 dagen na de uitbetaling.",
                  "Rente loopt dagelijks over het openstaande bedrag tegen het dagtarief van het"
                      + " contract (rente = tarief × bedrag × dagen), zonder btw, en wordt aan het"
                      + " begin van elke maand gefactureerd.",
                  "Terugbetaling gebeurt via SEPA-incasso of via overschrijving naar de vermelde"
                      + " IBAN, met vermelding van de referentie van de lening.",
                  "Elke betalingsachterstand kan de kredietlijn opschorten.")),
          "en",
          new Text(
              "General terms and conditions of receivable financing",
              "Governing law: ",
              List.of(
                  "Avance advances to the seller all or part of an invoice issued to a business"
                      + " customer; the financing is repaid on the chosen date, 1 to 120 days after"
                      + " its payout.",
                  "Interest accrues daily on the amount outstanding at the contract's daily rate"
                      + " (interest = rate × amount × days), is not subject to VAT, and is billed"
                      + " at the beginning of each month.",
                  "Repayment is by SEPA direct debit or by transfer to the IBAN given, quoting"
                      + " the loan's reference.",
                  "Any late repayment may suspend the credit line.")));

  private static final Map<String, String> LAWS =
      Map.of(
          "FRA", "France (Code monétaire et financier)",
          "ESP", "España (Código de Comercio)",
          "DEU", "Deutschland (BGB, HGB)",
          "NLD", "Nederland (Burgerlijk Wetboek)",
          "BEL", "Belgique / België (Code de droit économique / Wetboek van economisch recht)");

  public static byte[] render(String country, String version, String language) {
    Text text = TEXTS.get(language);
    if (text == null) {
      throw new IllegalArgumentException("no T&Cs in " + language);
    }
    // A version is named by its month of publication: the PDF is dated by it.
    Instant published = Instant.parse(version + "-01T00:00:00Z");
    try (PdfWriter pdf =
        new PdfWriter(
            text.title(), published, "terms:" + country + ":" + version + ":" + language)) {
      pdf.title(text.title()).field("Version", version).field("Country", country).space(6);
      int n = 1;
      for (String clause : text.clauses()) {
        pdf.paragraph(n++ + ". " + clause).space(4);
      }
      pdf.paragraph(text.lawPrefix() + LAWS.getOrDefault(country, country));
      return pdf.toBytes();
    }
  }
}
