package dev.avance.workflows.rules;

/** ISO 7064 MOD 97-10 over alphanumerics, shared by IBANs and creditor references. */
final class Mod97 {
  private Mod97() {}

  /**
   * The remainder mod 97 of {@code value} read as a number, letters counting as two digits (A=10 ..
   * Z=35). Computed piecewise because the number has up to 70 digits.
   */
  static int of(CharSequence value) {
    int remainder = 0;
    for (int i = 0; i < value.length(); i++) {
      int n = Character.digit(value.charAt(i), 36);
      if (n < 0) {
        throw new IllegalArgumentException("not alphanumeric: " + value);
      }
      remainder = (remainder * (n > 9 ? 100 : 10) + n) % 97;
    }
    return remainder;
  }

  /**
   * True when {@code value}, a 2-character prefix then 2 check digits then a body, is 1 mod 97 once
   * the prefix and digits move behind the body. Check digits 00, 01 and 99 are refused although
   * they can satisfy mod 97: the computation only ever issues 02 to 98.
   */
  static boolean isValid(String value) {
    int check = Integer.parseInt(value.substring(2, 4));
    return check >= 2 && check <= 98 && of(value.substring(4) + value.substring(0, 4)) == 1;
  }

  /** Two check digits that make {@code body + prefix + digits} congruent to 1 mod 97. */
  static String checkDigits(String body, String prefix) {
    int check = 98 - of(body + prefix + "00");
    return check < 10 ? "0" + check : Integer.toString(check);
  }
}
