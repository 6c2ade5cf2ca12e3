package dev.avance.worker.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.activities.common.SecretBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class SecretsConfigurationTest {
  private final SecretsConfiguration configuration = new SecretsConfiguration();

  @Test
  void outsideTheEmbeddedModeTheKeyIsRequired() {
    MockEnvironment env = new MockEnvironment().withProperty("avance.mode", "external");

    assertThatThrownBy(() -> configuration.secretBox(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AVANCE_SECRETS_KEY");
  }

  @Test
  void aConfiguredKeyIsUsed(@TempDir Path home) {
    byte[] key = SecretBox.newKey();
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("avance.mode", "external")
            .withProperty("avance.secrets.key", Base64.getEncoder().encodeToString(key));

    String sealed = configuration.secretBox(env).seal("whsec_x");

    assertThat(new SecretBox(key).open(sealed)).isEqualTo("whsec_x");
  }

  @Test
  void theEmbeddedModeKeepsOneKeyInItsHomeReadableByItsOwnerOnly(@TempDir Path home)
      throws Exception {
    MockEnvironment env = new MockEnvironment().withProperty("avance.home", home.toString());

    String sealed = configuration.secretBox(env).seal("whsec_x");
    Path file = home.resolve("secrets.key");

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    // The next start finds the same key and opens what the first one sealed.
    assertThat(configuration.secretBox(env).open(sealed)).isEqualTo("whsec_x");
  }
}
