package dev.avance.workflows.rules;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** IBANs (ISO 13616): validation, check digits and Avance's French virtual IBANs. */
public final class Iban {
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u202F]+");
  private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]+");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern BBAN = Pattern.compile("[A-Z0-9]{1,30}");

  /** Lengths of the SEPA countries; a wrong length is a typo mod 97 might not catch. */
  private static final Map<String, Integer> LENGTHS =
      Map.ofEntries(
          Map.entry("AT", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("CH", 21),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("EE", 20),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GR", 27),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("MC", 27),
          Map.entry("MT", 31),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("PL", 28),
          Map.entry("PT", 25),
          Map.entry("RO", 24),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24));

  private static final int MIN_LENGTH = 15;
  private static final int MAX_LENGTH = 34;

  /** A fictional bank code, so that a virtual IBAN can never be mistaken for a real account. */
  static final String VIRTUAL_BANK_CODE = "17999";

  static final String VIRTUAL_BRANCH_CODE = "00001";
  static final long MAX_ACCOUNT_SEQUENCE = 99_999_999_999L;

  private Iban() {}

  /** Spaces removed, upper case: the form to store and compare. A null becomes empty. */
  public static String normalize(String iban) {
    return iban == null ? "" : WHITESPACE.matcher(iban).replaceAll("").toUpperCase(Locale.ROOT);
  }

  /**
   * True when {@code iban}, once {@linkplain #normalize normalized}, has its country's length (15
   * to 34 for countries not listed) and its check digits make it 1 mod 97.
   */
  public static boolean isValid(String iban) {
    String value = normalize(iban);
    if (!SHAPE.matcher(value).matches()) {
      return false;
    }
    Integer expected = LENGTHS.get(value.substring(0, 2));
    boolean lengthFits =
        expected != null
            ? value.length() == expected
            : value.length() >= MIN_LENGTH && value.length() <= MAX_LENGTH;
    return lengthFits && Mod97.isValid(value);
  }

  /**
   * The IBAN of a domestic account: {@code countryCode}, the two check digits, then {@code bban}.
   *
   * @throws IllegalArgumentException if the country is not two letters or the BBAN not 1 to 30
   *     alphanumerics
   */
  public static String withCheckDigits(String countryCode, String bban) {
    String country = countryCode == null ? "" : countryCode.toUpperCase(Locale.ROOT);
    String body = normalize(bban);
    if (!COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException("a country code is two letters: " + countryCode);
    }
    if (!BBAN.matcher(body).matches()) {
      throw new IllegalArgumentException("a BBAN is 1 to 30 letters or digits: " + bban);
    }
    return country + Mod97.checkDigits(body, country) + body;
  }

  /**
   * The virtual IBAN of a borrower: French, on bank {@value #VIRTUAL_BANK_CODE} branch {@value
   * #VIRTUAL_BRANCH_CODE}, the account number being {@code accountSequence} on 11 digits followed
   * by its RIB key. Distinct sequences give distinct IBANs.
   *
   * @throws IllegalArgumentException if the sequence is negative or longer than 11 digits
   */
  public static String frenchVirtualIban(long accountSequence) {
    if (accountSequence < 0 || accountSequence > MAX_ACCOUNT_SEQUENCE) {
      throw new IllegalArgumentException(
          "an account sequence is 0 to " + MAX_ACCOUNT_SEQUENCE + ": " + accountSequence);
    }
    String account = String.format(Locale.ROOT, "%011d", accountSequence);
    String key = ribKey(VIRTUAL_BANK_CODE, VIRTUAL_BRANCH_CODE, account);
    return withCheckDigits("FR", VIRTUAL_BANK_CODE + VIRTUAL_BRANCH_CODE + account + key);
  }

  /**
   * The two-digit key of a French RIB with an all-digit account number (the only kind Avance
   * issues): 97 - ((89 bank + 15 branch + 3 account) mod 97).
   */
  static String ribKey(String bank, String branch, String account) {
    long sum =
        89 * Long.parseLong(bank) + 15 * Long.parseLong(branch) + 3 * Long.parseLong(account);
    long key = 97 - sum % 97;
    return key < 10 ? "0" + key : Long.toString(key);
  }
}
