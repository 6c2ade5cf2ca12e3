package dev.avance.worker.platform;

import dev.avance.activities.common.SecretBox;
import dev.avance.activities.webhook.WebhookRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The key that encrypts stored secrets: AVANCE_SECRETS_KEY (32 random bytes in base64), required
 * outside the embedded mode; the embedded mode generates one once and keeps it in its home folder,
 * beside the data it protects. Losing the key loses the webhook secrets (subscriptions must then be
 * created again), never money.
 */
@Configuration
public class SecretsConfiguration {
  private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

  @Bean
  SecretBox secretBox(Environment env) {
    String configured = env.getProperty("avance.secrets.key", "");
    if (!configured.isBlank()) {
      return SecretBox.fromBase64(configured);
    }
    if (!"embedded".equalsIgnoreCase(env.getProperty("avance.mode", "embedded"))) {
      throw new IllegalStateException(
          "AVANCE_SECRETS_KEY is required outside the embedded mode: 32 random bytes in base64"
              + " (openssl rand -base64 32), the same on every node");
    }
    Path file = Path.of(env.getProperty("avance.home", ".avance")).resolve("secrets.key");
    try {
      if (Files.exists(file)) {
        return SecretBox.fromBase64(Files.readString(file));
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(SecretBox.newKey()) + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return SecretBox.fromBase64(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot keep the secrets key in " + file, e);
    }
  }

  /** Seals, at start, the webhook secrets stored before they were encrypted. */
  @Bean
  SmartInitializingSingleton sealPlaintextSecrets(WebhookRepository webhooks) {
    return () -> {
      int sealed = webhooks.sealPlaintextSecrets();
      if (sealed > 0) {
        log.info("Encrypted {} webhook secrets stored in plaintext", sealed);
      }
    };
  }
}
