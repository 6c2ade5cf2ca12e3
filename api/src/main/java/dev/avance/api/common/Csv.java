package dev.avance.api.common;

import java.math.BigDecimal;
import java.util.List;

/** RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they need it. */
public final class Csv {
  public static final String MEDIA_TYPE = "text/csv";

  private final StringBuilder out = new StringBuilder();

  public Csv(String... header) {
    row((Object[]) header);
  }

  public Csv row(Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(escape(fields[i] == null ? "" : fields[i].toString()));
    }
    out.append("\r\n");
    return this;
  }

  /** Cents as euros with exactly two decimals, for spreadsheets: 123456 is 1234.56. */
  public static String euros(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  /** Whether the client asked for CSV rather than JSON. */
  public static boolean wanted(List<String> accept) {
    return accept != null
        && accept.stream().anyMatch(a -> a.toLowerCase(java.util.Locale.ROOT).contains(MEDIA_TYPE));
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private static String escape(String field) {
    if (field.contains(",")
        || field.contains("\"")
        || field.contains("\n")
        || field.contains("\r")) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }
}
