package dev.avance.workflows.rules;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** BICs (ISO 9362): the shape check of DESIGN §5, no directory look-up. */
public final class Bic {
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u202F]+");
  private static final Pattern SHAPE =
      Pattern.compile("[A-Z]{4}(?<country>[A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?");

  /**
   * ISO 3166 codes, plus Kosovo's XK, which SWIFT uses but ISO has not assigned. A fixed list
   * rather than the JDK's, so that the rule cannot change with the runtime.
   */
  private static final Set<String> COUNTRIES =
      Set.of(
          "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX",
          "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ",
          "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK",
          "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
          "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR",
          "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS",
          "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN",
          "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
          "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV",
          "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ",
          "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI",
          "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
          "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC",
          "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
          "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR",
          "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
          "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW");

  private Bic() {}

  /**
   * True when {@code bic}, without spaces and in upper case, is 4 letters (bank), an ISO country
   * code, 2 letters or digits (location) and optionally 3 letters or digits (branch).
   */
  public static boolean isValid(String bic) {
    if (bic == null) {
      return false;
    }
    var matcher = SHAPE.matcher(WHITESPACE.matcher(bic).replaceAll("").toUpperCase(Locale.ROOT));
    return matcher.matches() && COUNTRIES.contains(matcher.group("country"));
  }
}
