package dev.avance.activities.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private final SecretBox box = new SecretBox(SecretBox.newKey());

  @Test
  void aSealedSecretOpensToItselfAndShowsNothingOfIt() {
    String sealed = box.seal("whsec_0123456789abcdef");

    assertThat(sealed).startsWith("v1:").doesNotContain("whsec").doesNotContain("0123456789");
    assertThat(SecretBox.isSealed(sealed)).isTrue();
    assertThat(box.open(sealed)).isEqualTo("whsec_0123456789abcdef");
  }

  @Test
  void theSameSecretSealsDifferentlyEachTime() {
    assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
  }

  @Test
  void anAlteredValueOrAnotherKeyIsRefused() {
    String sealed = box.seal("whsec_secret");
    byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
    raw[raw.length - 1] ^= 1;
    String altered = "v1:" + Base64.getEncoder().encodeToString(raw);

    assertThatThrownBy(() -> box.open(altered)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SecretBox(SecretBox.newKey()).open(sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AVANCE_SECRETS_KEY");
  }

  @Test
  void aPlaintextValueFromBeforeEncryptionIsReadAsItIs() {
    assertThat(SecretBox.isSealed("whsec_old")).isFalse();
    assertThat(box.open("whsec_old")).isEqualTo("whsec_old");
  }

  @Test
  void onlyA256BitKeyIsAccepted() {
    assertThatThrownBy(() -> new SecretBox(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecretBox.fromBase64("not base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openssl rand -base64 32");
    byte[] key = SecretBox.newKey();
    String sealed = new SecretBox(key).seal("x");
    assertThat(SecretBox.fromBase64(Base64.getEncoder().encodeToString(key)).open(sealed))
        .isEqualTo("x");
  }
}
