package dev.avance.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoanReferencesTest {
  private static final String LOAN_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

  /** ISO 11649 check digits by the book, with BigInteger rather than the piecewise Mod97. */
  private static String checkDigits(String payload) {
    StringBuilder digits = new StringBuilder();
    for (char c : (payload + "RF00").toCharArray()) {
      digits.append(Character.digit(c, 36));
    }
    int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format("%02d", check);
  }

  /** A version 4 UUID from {@code random}, as UUID.randomUUID would make one. */
  private static UUID randomV4(Random random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  @Test
  void isAValidRfReferenceOnTheIdsFirst21LettersAndDigits() {
    String reference = LoanReferences.remittanceReference(LOAN_ID);

    assertThat(reference)
        .isEqualTo("RF" + checkDigits("0F8FAD5BD9CB469FA1657") + "0F8FAD5BD9CB469FA1657")
        .hasSize(25)
        .matches("RF\\d{2}[0-9A-Z]{21}");
    assertThat(RfReference.isValid(reference)).isTrue();
  }

  @Test
  void isDeterministic() {
    String first = LoanReferences.remittanceReference(LOAN_ID);

    assertThat(LoanReferences.remittanceReference(LOAN_ID)).isEqualTo(first);
    assertThat(LoanReferences.remittanceReference(new String(LOAN_ID.toCharArray())))
        .isEqualTo(first);
    // A UUID's text is case-insensitive, and so is its reference.
    assertThat(LoanReferences.remittanceReference(LOAN_ID.toUpperCase())).isEqualTo(first);
  }

  @Test
  void shortIdsKeepAllTheirLettersAndDigits() {
    assertThat(LoanReferences.remittanceReference("loan-42")).endsWith("LOAN42").hasSize(10);
    assertThat(LoanReferences.remittanceReference("7")).isEqualTo("RF" + checkDigits("7") + "7");
    assertThat(LoanReferences.remittanceReference("é-1_x")).endsWith("1X");
  }

  @Test
  void onlyTheFirst21LettersAndDigitsCount() {
    String base = "ABCDEFGHIJKLMNOPQRSTU";
    String reference = LoanReferences.remittanceReference(base);

    assertThat(reference).endsWith(base);
    assertThat(LoanReferences.remittanceReference(base + "VWXYZ")).isEqualTo(reference);
    assertThat(LoanReferences.remittanceReference("A-B-C-" + base.substring(3)))
        .isEqualTo(reference);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "----", "é", " _ "})
  void idsWithoutLettersOrDigitsAreRefused(String loanId) {
    assertThatThrownBy(() -> LoanReferences.remittanceReference(loanId))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNullIdIsRefused() {
    assertThatThrownBy(() -> LoanReferences.remittanceReference(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void tenThousandRandomUuidsGetTenThousandValidDistinctReferences() {
    Random random = new Random(11649);
    Map<String, UUID> seen = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      UUID id = randomV4(random);
      assertThat(id.version()).isEqualTo(4);
      String reference = LoanReferences.remittanceReference(id.toString());

      assertThat(RfReference.isValid(reference)).as("%s", id).isTrue();
      assertThat(reference.substring(4))
          .isEqualTo(id.toString().replace("-", "").substring(0, 21).toUpperCase());
      assertThat(reference.substring(2, 4)).isEqualTo(checkDigits(reference.substring(4)));
      UUID previous = seen.put(reference, id);
      assertThat(previous).as("%s and %s share %s", previous, id, reference).isNull();
    }
    assertThat(seen).hasSize(10_000);
  }
}
