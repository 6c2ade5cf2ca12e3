package dev.avance.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RfReferenceTest {
  @Test
  void acceptsTheIso11649Example() {
    assertThat(RfReference.isValid("RF18539007547034")).isTrue();
    assertThat(RfReference.isValid("RF18 5390 0754 7034")).isTrue();
    assertThat(RfReference.isValid("rf18 5390 0754 7034")).isTrue();
  }

  @Test
  void buildsTheIso11649Example() {
    assertThat(RfReference.of("539007547034")).isEqualTo("RF18539007547034");
    assertThat(RfReference.of("2348231")).isEqualTo("RF712348231");
  }

  @Test
  void lettersCountAsTwoDigits() {
    String reference = RfReference.of("loan7Q2X");
    assertThat(reference).startsWith("RF").endsWith("LOAN7Q2X");
    assertThat(RfReference.isValid(reference)).isTrue();
    assertThat(RfReference.isValid(reference.replace("Q", "R"))).isFalse();
  }

  @Test
  void rejectsEverySingleDigitChange() {
    for (String variant : CompanyIdentifiersTest.singleDigitChanges("RF18539007547034")) {
      assertThat(RfReference.isValid(variant)).as(variant).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"RF19539007547034", "RF81539007547034", "RF1853900754703", "RF18539007547043"})
  void rejectsVariants(String reference) {
    assertThat(RfReference.isValid(reference)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "RF18",
        "RF",
        "FR18539007547034",
        "RFAB539007547034",
        "RF18-5390-0754-7034",
        "RF18539007547034!",
        "18539007547034",
      })
  void rejectsMalformedInput(String reference) {
    assertThat(RfReference.isValid(reference)).isFalse();
  }

  @Test
  void roundTripsRandomPayloadsOfEveryLength() {
    Random random = new Random(11649);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int i = 0; i < 2_000; i++) {
      int length = 1 + i % 21;
      StringBuilder payload = new StringBuilder();
      for (int j = 0; j < length; j++) {
        payload.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String reference = RfReference.of(payload.toString());
      assertThat(reference).hasSize(4 + length).endsWith(payload);
      assertThat(Integer.parseInt(reference.substring(2, 4))).isBetween(2, 98);
      assertThat(RfReference.isValid(reference)).as(reference).isTrue();
    }
  }

  @Test
  void payloadIsAtMost21Characters() {
    String longest = "1".repeat(21);
    assertThat(RfReference.isValid(RfReference.of(longest))).isTrue();
    assertThatThrownBy(() -> RfReference.of(longest + "1"))
        .isInstanceOf(IllegalArgumentException.class);
    // A 22-character payload with correct check digits is still too long to be a reference.
    String tooLong = "RF" + Mod97.checkDigits(longest + "1", "RF") + longest + "1";
    assertThat(Mod97.of(tooLong.substring(4) + tooLong.substring(0, 4))).isEqualTo(1);
    assertThat(RfReference.isValid(tooLong)).isFalse();
  }

  @Test
  void refusesCheckDigitsOutside02To98EvenWhenMod97Holds() {
    String issued = null;
    for (int n = 0; issued == null; n++) {
      String reference = RfReference.of(Integer.toString(n));
      if (reference.startsWith("RF98")) {
        issued = reference;
      }
    }
    String alias = "RF01" + issued.substring(4);
    assertThat(Mod97.of(alias.substring(4) + alias.substring(0, 4))).isEqualTo(1);
    assertThat(RfReference.isValid(issued)).isTrue();
    assertThat(RfReference.isValid(alias)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"LOAN-1", "LOAN 1", "LOAN_1", "PRÊT1"})
  void ofRefusesPayloadsThatAreNotLettersOrDigits(String payload) {
    assertThatThrownBy(() -> RfReference.of(payload)).isInstanceOf(IllegalArgumentException.class);
  }
}
