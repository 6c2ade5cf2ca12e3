package dev.avance.workflows.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ISO 11649 creditor references ({@code RF} + 2 check digits + up to 21 letters or digits), which
 * payers copy into their transfers so that repayments match loans without an API call.
 */
public final class RfReference {
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u202F]+");
  private static final Pattern PAYLOAD = Pattern.compile("[A-Z0-9]{1,21}");
  private static final Pattern REFERENCE = Pattern.compile("RF\\d{2}[A-Z0-9]{1,21}");

  private RfReference() {}

  /**
   * The reference carrying {@code payload} (case-insensitive, stored in upper case).
   *
   * @throws IllegalArgumentException unless the payload is 1 to 21 letters or digits
   */
  public static String of(String payload) {
    String body = payload == null ? "" : payload.toUpperCase(Locale.ROOT);
    if (!PAYLOAD.matcher(body).matches()) {
      throw new IllegalArgumentException("a payload is 1 to 21 letters or digits: " + payload);
    }
    return "RF" + Mod97.checkDigits(body, "RF") + body;
  }

  /**
   * True when {@code reference}, without spaces and in upper case, is RF, 2 digits and 1 to 21
   * letters or digits whose check digits make it 1 mod 97. Payers often type it in groups of 4.
   */
  public static boolean isValid(String reference) {
    if (reference == null) {
      return false;
    }
    String value = WHITESPACE.matcher(reference).replaceAll("").toUpperCase(Locale.ROOT);
    return REFERENCE.matcher(value).matches() && Mod97.isValid(value);
  }
}
