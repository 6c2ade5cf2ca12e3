package dev.avance.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BicTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "DEUTDEFF", // Deutsche Bank
        "DEUTDEFF500",
        "BNPAFRPP", // BNP Paribas
        "BNPAFRPPXXX",
        "NWBKGB2L", // NatWest: a digit in the location
        "ABNANL2A", // ABN AMRO
        "GEBABEBB", // BNP Paribas Fortis
        "CAIXESBBXXX", // CaixaBank
        "RBKOXKPR", // Raiffeisen Kosovo: XK is SWIFT's, not ISO's
      })
  void acceptsRealBics(String bic) {
    assertThat(Bic.isValid(bic)).isTrue();
  }

  @Test
  void acceptsSpacesAndLowerCase() {
    assertThat(Bic.isValid("deut de ff 500")).isTrue();
    assertThat(Bic.isValid(" bnpafrpp ")).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "DEUTDEF", // 7
        "DEUTDEFF5", // 9
        "DEUTDEFF50", // 10
        "DEUTDEFF5000", // 12
        "DEU1DEFF", // digit in the bank code
        "DEUTD1FF", // digit in the country
        "DEUTXXFF", // no such country
        "DEUTZZFF",
        "DEUTDEF!",
        "DEUTDEFF50-",
        "DEUT-DE-FF",
      })
  void rejectsOtherShapes(String bic) {
    assertThat(Bic.isValid(bic)).isFalse();
  }

  @Test
  void acceptsEveryCountryTheJdkKnows() {
    for (String country : Locale.getISOCountries()) {
      assertThat(Bic.isValid("BANK" + country + "2L")).as(country).isTrue();
    }
  }

  @Test
  void acceptsNoCountryBeyondTheJdksButKosovo() {
    var known = java.util.Set.of(Locale.getISOCountries());
    for (char a = 'A'; a <= 'Z'; a++) {
      for (char b = 'A'; b <= 'Z'; b++) {
        String country = "" + a + b;
        boolean expected = known.contains(country) || country.equals("XK");
        assertThat(Bic.isValid("BANK" + country + "2L")).as(country).isEqualTo(expected);
      }
    }
  }
}
