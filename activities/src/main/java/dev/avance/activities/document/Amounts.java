package dev.avance.activities.document;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Euro amounts in documents: exact from cents, written as the reader's country writes them. */
public final class Amounts {
  private static final Currency EUR = Currency.getInstance("EUR");

  private Amounts() {}

  /** {@code 123456} is "1 234,56 €" in France, "1.234,56 €" in Germany. */
  public static String format(long cents, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(EUR);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    // The JDK's French grouping is a narrow no-break space: one space that every PDF reader and
    // text extractor agrees on is easier to search for.
    return format.format(BigDecimal.valueOf(cents, 2)).replace('\u202f', '\u00a0');
  }

  /** The locale of a borrower's country (ISO 3166 alpha-3), English elsewhere. */
  public static Locale locale(String country) {
    if (country == null) {
      return Locale.UK;
    }
    switch (country) {
      case "FRA":
        return Locale.forLanguageTag("fr-FR");
      case "ESP":
        return Locale.forLanguageTag("es-ES");
      case "DEU":
        return Locale.forLanguageTag("de-DE");
      case "NLD":
        return Locale.forLanguageTag("nl-NL");
      case "BEL":
        return Locale.forLanguageTag("fr-BE");
      default:
        return Locale.UK;
    }
  }
}
