package dev.avance.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyIdentifiersTest {

  private static Optional<String> problem(IdentifierType type, String normalized) {
    return CompanyIdentifiers.problem(type, CompanyIdentifiers.countryOf(type), normalized);
  }

  /** Every string that differs from {@code value} by exactly one digit. */
  static List<String> singleDigitChanges(String value) {
    List<String> variants = new ArrayList<>();
    for (int i = 0; i < value.length(); i++) {
      char original = value.charAt(i);
      if (!Character.isDigit(original)) {
        continue;
      }
      for (char digit = '0'; digit <= '9'; digit++) {
        if (digit != original) {
          variants.add(value.substring(0, i) + digit + value.substring(i + 1));
        }
      }
    }
    return variants;
  }

  @Nested
  class Normalize {
    @Test
    void stripsSpacesDotsAndDashesAndUppercases() {
      assertThat(CompanyIdentifiers.normalize(" 552 100 554 ")).isEqualTo("552100554");
      assertThat(CompanyIdentifiers.normalize("b-82.846.825")).isEqualTo("B82846825");
      assertThat(CompanyIdentifiers.normalize("0417.497.106")).isEqualTo("0417497106");
      assertThat(CompanyIdentifiers.normalize("hrb 12345 b")).isEqualTo("HRB12345B");
      assertThat(CompanyIdentifiers.normalize("de\t136 695 976")).isEqualTo("DE136695976");
    }

    @Test
    void stripsTheNonBreakingSpacesOfFrenchNumberFormatting() {
      assertThat(CompanyIdentifiers.normalize("552\u00A0100\u202F554")).isEqualTo("552100554");
    }

    @Test
    void keepsOtherCharactersSoThatRulesRejectThem() {
      assertThat(CompanyIdentifiers.normalize("552/100_554")).isEqualTo("552/100_554");
      assertThat(problem(IdentifierType.SIREN, "552/100_554")).isPresent();
    }

    @Test
    void nullBecomesEmptyWhichNoRuleAccepts() {
      assertThat(CompanyIdentifiers.normalize(null)).isEmpty();
      for (IdentifierType type : IdentifierType.values()) {
        assertThat(problem(type, CompanyIdentifiers.normalize(null))).as(type.name()).isPresent();
        assertThat(problem(type, null)).as(type.name()).isPresent();
      }
    }

    @Test
    void isIdempotent() {
      String once = CompanyIdentifiers.normalize(" a-28.015 865 ");
      assertThat(CompanyIdentifiers.normalize(once)).isEqualTo(once).isEqualTo("A28015865");
    }
  }

  @Nested
  class TypeAndCountry {
    private final Map<IdentifierType, String> validByType =
        Map.of(
            IdentifierType.SIREN, "552100554",
            IdentifierType.NIF, "A28015865",
            IdentifierType.HRB, "HRB12345",
            IdentifierType.VAT, "DE136695976",
            IdentifierType.KVK, "33014286",
            IdentifierType.KBO, "0417497106");

    @Test
    void eachTypeBelongsToOneCountry() {
      assertThat(CompanyIdentifiers.countryOf(IdentifierType.SIREN)).isEqualTo(Country.FRA);
      assertThat(CompanyIdentifiers.countryOf(IdentifierType.NIF)).isEqualTo(Country.ESP);
      assertThat(CompanyIdentifiers.countryOf(IdentifierType.HRB)).isEqualTo(Country.DEU);
      assertThat(CompanyIdentifiers.countryOf(IdentifierType.VAT)).isEqualTo(Country.DEU);
      assertThat(CompanyIdentifiers.countryOf(IdentifierType.KVK)).isEqualTo(Country.NLD);
      assertThat(CompanyIdentifiers.countryOf(IdentifierType.KBO)).isEqualTo(Country.BEL);
    }

    @Test
    void theDefaultTypeOfEachCountryBelongsToIt() {
      for (Country country : Country.values()) {
        assertThat(CompanyIdentifiers.countryOf(IdentifierType.defaultFor(country)))
            .isEqualTo(country);
      }
    }

    @Test
    void aValidIdentifierIsAcceptedOnlyInItsOwnCountry() {
      for (IdentifierType type : IdentifierType.values()) {
        String valid = validByType.get(type);
        for (Country country : Country.values()) {
          Optional<String> problem = CompanyIdentifiers.problem(type, country, valid);
          if (country == CompanyIdentifiers.countryOf(type)) {
            assertThat(problem).as(type + " in " + country).isEmpty();
          } else {
            assertThat(problem)
                .as(type + " in " + country)
                .hasValueSatisfying(
                    message -> assertThat(message).contains(type.name(), country.name()));
          }
        }
      }
    }
  }

  @Nested
  class Siren {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "552100554", // the walking skeleton's example
          "542051180", // TotalEnergies SE
          "652014051", // Carrefour
          "443061841", // Google France
          "552120222", // Société Générale
        })
    void acceptsRealSirens(String siren) {
      assertThat(problem(IdentifierType.SIREN, siren)).isEmpty();
    }

    @Test
    void acceptsLaPoste() {
      assertThat(problem(IdentifierType.SIREN, "356000000")).isEmpty();
    }

    @Test
    void rejectsEverySingleDigitChange() {
      for (String variant : singleDigitChanges("552100554")) {
        assertThat(problem(IdentifierType.SIREN, variant))
            .as(variant)
            .contains(CompanyIdentifiers.SIREN_RULE);
      }
    }

    @Test
    void rejectsEverySingleDigitChangeOfLaPoste() {
      // The exception is one number, not a looser rule around it.
      for (String variant : singleDigitChanges("356000000")) {
        assertThat(problem(IdentifierType.SIREN, variant)).as(variant).isPresent();
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "55210055", "5521005540", "55210055A", "552 100 554", "+52100554"})
    void rejectsWrongShapes(String value) {
      assertThat(problem(IdentifierType.SIREN, value)).contains(CompanyIdentifiers.SIREN_RULE);
    }

    @Test
    void luhnMatchesTheTextbookExample() {
      assertThat(CompanyIdentifiers.luhn("79927398713")).isTrue();
      assertThat(CompanyIdentifiers.luhn("79927398710")).isFalse();
    }
  }

  @Nested
  class SpanishNif {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "A28015865", // Telefónica
          "A39000013", // Banco Santander
          "A48010615", // Iberdrola
          "A15075062", // Inditex
          "Q2826000H", // Agencia Tributaria, a public body: letter control
        })
    void acceptsRealCifs(String cif) {
      assertThat(problem(IdentifierType.NIF, cif)).isEmpty();
      assertThat(CompanyIdentifiers.isSpanishCompanyNif(cif)).isTrue();
    }

    @Test
    void controlDigitFollowsTheDocumentedSum() {
      // 1234567: even positions 2+4+6 = 12; odd doubled 2, 6, 10 -> 1, 14 -> 5 = 14; 26 -> 4.
      assertThat(CompanyIdentifiers.cifControlDigit("1234567")).isEqualTo(4);
      assertThat(CompanyIdentifiers.cifControlDigit("2801586")).isEqualTo(5);
      assertThat(CompanyIdentifiers.cifControlDigit("2802343")).isEqualTo(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1234567D", "Q1234567D", "R1234567D", "S1234567D", "N1234567D"})
    void lettersForPublicAndForeignEntitiesRequireTheLetterForm(String letterForm) {
      assertThat(problem(IdentifierType.NIF, letterForm)).isEmpty();
      String digitForm = letterForm.substring(0, 8) + "4";
      assertThat(problem(IdentifierType.NIF, digitForm)).contains(CompanyIdentifiers.CIF_RULE);
    }

    @Test
    void wRequiresTheLetterForm() {
      assertThat(problem(IdentifierType.NIF, "W1234567D")).isEmpty();
      assertThat(problem(IdentifierType.NIF, "W12345674")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "B", "E", "H"})
    void companiesLettersRequireTheDigitForm(String letter) {
      assertThat(problem(IdentifierType.NIF, letter + "12345674")).isEmpty();
      assertThat(problem(IdentifierType.NIF, letter + "1234567D"))
          .contains(CompanyIdentifiers.CIF_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "D", "F", "G", "J", "U", "V"})
    void otherLettersAcceptEitherForm(String letter) {
      assertThat(problem(IdentifierType.NIF, letter + "12345674")).isEmpty();
      assertThat(problem(IdentifierType.NIF, letter + "1234567D")).isEmpty();
      assertThat(problem(IdentifierType.NIF, letter + "12345673")).isPresent();
      assertThat(problem(IdentifierType.NIF, letter + "1234567C")).isPresent();
    }

    @Test
    void zeroControlDigitIsJInLetterForm() {
      assertThat(problem(IdentifierType.NIF, "A28023430")).isEmpty();
      assertThat(problem(IdentifierType.NIF, "Q2802343J")).isEmpty();
      assertThat(problem(IdentifierType.NIF, "Q2802343A")).isPresent();
    }

    @Test
    void rejectsEverySingleDigitChangeOfACif() {
      for (String variant : singleDigitChanges("A28015865")) {
        assertThat(problem(IdentifierType.NIF, variant)).as(variant).isPresent();
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"I1234567D", "K1234567D", "L1234567D", "M1234567D", "O1234567D"})
    void rejectsLettersThatAreNotCifEntityLetters(String value) {
      assertThat(problem(IdentifierType.NIF, value)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678Z", "00000000T", "X1234567L", "Y1234567X", "Z1234567R"})
    void acceptsPersonsDniAndNieButTheyAreNotCompanies(String nif) {
      assertThat(problem(IdentifierType.NIF, nif)).isEmpty();
      assertThat(CompanyIdentifiers.isSpanishCompanyNif(nif)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678A", "X1234567T", "Y1234567L", "Z1234567X"})
    void rejectsAWrongDniOrNieLetter(String nif) {
      assertThat(problem(IdentifierType.NIF, nif)).contains(CompanyIdentifiers.DNI_RULE);
    }

    @Test
    void rejectsEverySingleDigitChangeOfADni() {
      for (String variant : singleDigitChanges("12345678Z")) {
        assertThat(problem(IdentifierType.NIF, variant)).as(variant).isPresent();
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A2801586", "A280158655", "ESA28015865", "1234567Z", "XX234567L"})
    void rejectsUnknownShapes(String value) {
      assertThat(problem(IdentifierType.NIF, value)).contains(CompanyIdentifiers.NIF_RULE);
    }

    @Test
    void isSpanishCompanyNifNormalizesAndRefusesInvalidOnes() {
      assertThat(CompanyIdentifiers.isSpanishCompanyNif("a-28.015.865")).isTrue();
      assertThat(CompanyIdentifiers.isSpanishCompanyNif("A28015866")).isFalse();
      assertThat(CompanyIdentifiers.isSpanishCompanyNif("")).isFalse();
      assertThat(CompanyIdentifiers.isSpanishCompanyNif(null)).isFalse();
    }
  }

  @Nested
  class BelgianEnterpriseNumber {
    private static String withCheck(String eightDigits) {
      long check = 97 - Long.parseLong(eightDigits) % 97;
      return eightDigits + String.format("%02d", check);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "0417497106", // AB InBev
          "0202239951", // Proximus
          "0403170701",
        })
    void acceptsRealNumbers(String number) {
      assertThat(problem(IdentifierType.KBO, number)).isEmpty();
    }

    @Test
    void acceptsTheNewSeriesStartingWithOne() {
      String number = withCheck("10000000");
      assertThat(number).startsWith("1").hasSize(10);
      assertThat(problem(IdentifierType.KBO, number)).isEmpty();
    }

    @Test
    void aBodyDivisibleBy97HasCheck97() {
      assertThat(problem(IdentifierType.KBO, "0000009797")).isEmpty();
      assertThat(problem(IdentifierType.KBO, "0000009700")).isPresent();
    }

    @Test
    void rejectsAFirstDigitOtherThanZeroOrOneEvenWithAGoodCheck() {
      String number = withCheck("20000000");
      assertThat(problem(IdentifierType.KBO, number)).contains(CompanyIdentifiers.KBO_RULE);
    }

    @Test
    void rejectsEverySingleDigitChange() {
      for (String variant : singleDigitChanges("0417497106")) {
        assertThat(problem(IdentifierType.KBO, variant)).as(variant).isPresent();
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "417497106", "04174971060", "BE0417497106", "041749710A"})
    void rejectsWrongShapes(String value) {
      assertThat(problem(IdentifierType.KBO, value)).contains(CompanyIdentifiers.KBO_RULE);
    }
  }

  @Nested
  class DutchKvk {
    @ParameterizedTest
    @ValueSource(strings = {"33014286", "17001910", "00000001"})
    void acceptsEightDigits(String number) {
      assertThat(problem(IdentifierType.KVK, number)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3301428", "330142860", "3301428A", "NL33014286"})
    void rejectsAnythingElse(String value) {
      assertThat(problem(IdentifierType.KVK, value)).contains(CompanyIdentifiers.KVK_RULE);
    }
  }

  @Nested
  class GermanRegisterNumber {
    @ParameterizedTest
    @ValueSource(
        strings = {"HRB12345", "HRB12345B", "HRA1", "HRB6684", "GNR123456", "PR42", "VR7X"})
    void acceptsRegisterNumbers(String number) {
      assertThat(problem(IdentifierType.HRB, number)).isEmpty();
    }

    @Test
    void acceptsTheNormalizedFormOfATypedNumber() {
      assertThat(problem(IdentifierType.HRB, CompanyIdentifiers.normalize("HRB 86891 b")))
          .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"", "HRB", "HRB1234567", "HRC12345", "HRB12345BC", "12345", "HRB12A45", "GnR12"})
    void rejectsOtherShapes(String value) {
      assertThat(problem(IdentifierType.HRB, value)).contains(CompanyIdentifiers.HRB_RULE);
    }
  }

  @Nested
  class GermanVat {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "DE136695976",
          "DE143454214", // SAP SE
          "DE129274202", // Siemens AG
          "DE129273398", // BMW AG
          "DE123475223", // Deutsche Telekom AG
        })
    void acceptsRealVatIds(String vat) {
      assertThat(problem(IdentifierType.VAT, vat)).isEmpty();
    }

    @Test
    void checkDigitFollowsIso7064Mod11Radix10() {
      assertThat(CompanyIdentifiers.iso7064Mod11Radix10("13669597")).isEqualTo(6);
      assertThat(CompanyIdentifiers.iso7064Mod11Radix10("14345421")).isEqualTo(4);
      assertThat(CompanyIdentifiers.iso7064Mod11Radix10("12927339")).isEqualTo(8);
    }

    @Test
    void rejectsEverySingleDigitChange() {
      for (String variant : singleDigitChanges("DE143454214")) {
        assertThat(problem(IdentifierType.VAT, variant))
            .as(variant)
            .contains(CompanyIdentifiers.VAT_RULE);
      }
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"", "143454214", "DE14345421", "DE1434542140", "FR143454214", "DEX43454214"})
    void rejectsWrongShapes(String value) {
      assertThat(problem(IdentifierType.VAT, value)).contains(CompanyIdentifiers.VAT_RULE);
    }
  }
}
