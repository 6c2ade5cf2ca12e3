package dev.avance.api.billing;

import dev.avance.api.error.ApiException;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** Billing periods on the wire: {@code YYYY-MM}. */
public final class Periods {
  private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

  private Periods() {}

  /** The period named by {@code raw}; a 400 on {@code field} when it is not a YYYY-MM month. */
  public static YearMonth parse(String field, String raw) {
    if (raw == null || !SHAPE.matcher(raw).matches()) {
      throw ApiException.invalidField(field, "invalid_format", "must be a month as YYYY-MM");
    }
    return YearMonth.parse(raw);
  }
}
