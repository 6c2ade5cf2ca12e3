package dev.avance.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {
  private static final Map<String, Integer> REQUIRED_LENGTHS =
      Map.of(
          "FR", 27, "DE", 22, "ES", 24, "NL", 18, "BE", 16, "IT", 27, "LU", 20, "PT", 25, "AT", 20,
          "IE", 22);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FR1420041010050500013M02606",
        "DE89370400440532013000",
        "ES9121000418450200051332",
        "NL91ABNA0417164300",
        "BE68539007547034",
        "GB29NWBK60161331926819",
        "FR7630006000011234567890189",
        "IT60X0542811101000000123456",
        "LU280019400644750000",
        "PT50000201231234567890154",
        "AT611904300234573201",
        "IE29AIBK93115212345678",
      })
  void acceptsKnownValidIbans(String iban) {
    assertThat(Iban.isValid(iban)).isTrue();
  }

  @Test
  void acceptsThePrintedFormWithSpacesAndLowerCase() {
    assertThat(Iban.isValid("FR14 2004 1010 0505 0001 3M02 606")).isTrue();
    assertThat(Iban.isValid("  de89 3704 0044 0532 0130 00 ")).isTrue();
    assertThat(Iban.isValid("BE68\u00A05390\u00A00754\u00A07034")).isTrue();
    assertThat(Iban.normalize("fr14 2004 1010 0505 0001 3m02 606"))
        .isEqualTo("FR1420041010050500013M02606");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FR1420041010050500013M02606",
        "DE89370400440532013000",
        "ES9121000418450200051332",
        "NL91ABNA0417164300",
        "BE68539007547034",
        "GB29NWBK60161331926819",
      })
  void rejectsEverySingleDigitChange(String iban) {
    for (String variant : CompanyIdentifiersTest.singleDigitChanges(iban)) {
      assertThat(Iban.isValid(variant)).as(variant).isFalse();
    }
  }

  @Test
  void rejectsSwappedAdjacentCharacters() {
    String iban = "DE89370400440532013000";
    for (int i = 4; i < iban.length() - 1; i++) {
      if (iban.charAt(i) == iban.charAt(i + 1)) {
        continue;
      }
      String swapped =
          iban.substring(0, i) + iban.charAt(i + 1) + iban.charAt(i) + iban.substring(i + 2);
      assertThat(Iban.isValid(swapped)).as(swapped).isFalse();
    }
  }

  @Test
  void enforcesTheLengthOfEachRequiredCountryEvenWithGoodCheckDigits() {
    REQUIRED_LENGTHS.forEach(
        (country, length) -> {
          String exact = Iban.withCheckDigits(country, "1".repeat(length - 4));
          String longer = Iban.withCheckDigits(country, "1".repeat(length - 3));
          String shorter = Iban.withCheckDigits(country, "1".repeat(length - 5));
          assertThat(Iban.isValid(exact)).as(exact).isTrue();
          assertThat(Iban.isValid(longer)).as(longer).isFalse();
          assertThat(Iban.isValid(shorter)).as(shorter).isFalse();
        });
  }

  @Test
  void otherCountriesAccept15To34Characters() {
    assertThat(Iban.isValid(Iban.withCheckDigits("QA", "1".repeat(11)))).isTrue();
    assertThat(Iban.isValid(Iban.withCheckDigits("QA", "1".repeat(30)))).isTrue();
    assertThat(Iban.isValid(Iban.withCheckDigits("QA", "1".repeat(10)))).isFalse();
    assertThat(Iban.isValid(Iban.withCheckDigits("QA", "1".repeat(30)) + "1")).isFalse();
  }

  @Test
  void refusesCheckDigitsOutside02To98EvenWhenMod97Holds() {
    // 01 = 98 - 97, 00 = 97 - 97 and 99 = 02 + 97 leave the same remainder as the issued digits.
    Map<String, String> aliases = Map.of("98", "01", "97", "00", "02", "99");
    Set<String> seen = new HashSet<>();
    for (int n = 0; seen.size() < aliases.size(); n++) {
      String iban = Iban.withCheckDigits("DE", String.format("%018d", n));
      String check = iban.substring(2, 4);
      if (aliases.containsKey(check) && seen.add(check)) {
        String alias = "DE" + aliases.get(check) + iban.substring(4);
        String rearranged = alias.substring(4) + alias.substring(0, 4);
        assertThat(Mod97.of(rearranged)).as(alias).isEqualTo(1);
        assertThat(Iban.isValid(iban)).as(iban).isTrue();
        assertThat(Iban.isValid(alias)).as(alias).isFalse();
      }
    }
    assertThat(seen).containsExactlyInAnyOrder("98", "97", "02");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "DE",
        "DE89",
        "1289370400440532013000",
        "DEX9370400440532013000",
        "DE8937040044053201300!",
        "DE89-3704-0044-0532-0130-00",
      })
  void rejectsMalformedInput(String iban) {
    assertThat(Iban.isValid(iban)).isFalse();
  }

  @Test
  void computesCheckDigits() {
    assertThat(Iban.withCheckDigits("DE", "370400440532013000"))
        .isEqualTo("DE89370400440532013000");
    assertThat(Iban.withCheckDigits("FR", "20041010050500013M02606"))
        .isEqualTo("FR1420041010050500013M02606");
    assertThat(Iban.withCheckDigits("gb", "nwbk 6016 1331 9268 19"))
        .isEqualTo("GB29NWBK60161331926819");
    assertThat(Iban.withCheckDigits("BE", "539007547034")).isEqualTo("BE68539007547034");
  }

  @Test
  void computedCheckDigitsAreAlwaysTwoDigitsFrom02To98() {
    for (int n = 0; n < 2_000; n++) {
      String iban = Iban.withCheckDigits("NL", "ABNA" + String.format("%010d", n));
      int check = Integer.parseInt(iban.substring(2, 4));
      assertThat(check).as(iban).isBetween(2, 98);
      assertThat(Iban.isValid(iban)).as(iban).isTrue();
    }
  }

  @Test
  void withCheckDigitsRefusesBadInput() {
    assertThatThrownBy(() -> Iban.withCheckDigits("D", "370400440532013000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Iban.withCheckDigits("D1", "370400440532013000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Iban.withCheckDigits(null, "370400440532013000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Iban.withCheckDigits("DE", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Iban.withCheckDigits("DE", "3704-0044"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Iban.withCheckDigits("DE", "1".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ribKeyMatchesAKnownFrenchAccount() {
    // FR76 3000 6000 0112 3456 7890 189: bank 30006, branch 00001, account 12345678901, key 89.
    assertThat(Iban.ribKey("30006", "00001", "12345678901")).isEqualTo("89");
  }

  @Test
  void ribKeyIsPaddedToTwoDigits() {
    boolean sawSingleDigitKey = false;
    for (long account = 0; account < 200; account++) {
      String key = Iban.ribKey("17999", "00001", String.format("%011d", account));
      assertThat(key).hasSize(2);
      sawSingleDigitKey |= key.startsWith("0");
    }
    assertThat(sawSingleDigitKey).isTrue();
  }

  @Test
  void virtualIbansAreValidFrenchIbansOnTheFictionalBank() {
    String iban = Iban.frenchVirtualIban(42);
    assertThat(iban).hasSize(27).startsWith("FR").contains("179990000100000000042");
    assertThat(Iban.isValid(iban)).isTrue();
  }

  @Test
  void virtualIbansAreValidAndDistinctFor10000Sequences() {
    Set<String> ibans = new HashSet<>();
    for (long sequence = 0; sequence < 10_000; sequence++) {
      String iban = Iban.frenchVirtualIban(sequence);
      assertThat(Iban.isValid(iban)).as(iban).isTrue();
      assertThat(ribIsValid(iban)).as(iban).isTrue();
      ibans.add(iban);
    }
    assertThat(ibans).hasSize(10_000);
  }

  @Test
  void virtualIbansCoverTheWholeElevenDigitRange() {
    String last = Iban.frenchVirtualIban(99_999_999_999L);
    assertThat(last).contains("1799900001" + "99999999999");
    assertThat(Iban.isValid(last)).isTrue();
    assertThat(ribIsValid(last)).isTrue();
    assertThat(ribIsValid(Iban.frenchVirtualIban(0))).isTrue();
  }

  @Test
  void virtualIbanRefusesSequencesThatDoNotFitElevenDigits() {
    assertThatThrownBy(() -> Iban.frenchVirtualIban(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Iban.frenchVirtualIban(100_000_000_000L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The banks' own RIB check, independent of the formula: the 23 digits are 0 mod 97. */
  private static boolean ribIsValid(String frenchIban) {
    return new BigInteger(frenchIban.substring(4)).mod(BigInteger.valueOf(97)).signum() == 0;
  }
}
