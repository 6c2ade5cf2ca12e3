package dev.avance.worker.temporal;

import dev.avance.workflows.common.AvanceDataConverter;
import dev.avance.workflows.common.PayloadEncryption;
import io.temporal.common.converter.DataConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
public class TemporalConfiguration {
  private static final Logger log = LoggerFactory.getLogger(TemporalConfiguration.class);
  static final String KEYS_FILE = "payload-keys";

  /** Picked up by the Temporal starter for the client and every worker. */
  @Bean
  DataConverter mainDataConverter(PayloadEncryption payloadEncryption) {
    return AvanceDataConverter.create(payloadEncryption);
  }

  /**
   * The payload keys: AVANCE_PAYLOAD_KEYS ({@code id:base64,...}, the first encrypts), the same on
   * every node and required outside the embedded mode; the embedded mode generates one key once
   * into its home folder, beside the Temporal database it protects. Losing a key makes the
   * histories written under it unreadable, running workflows included: keep retired keys in the
   * ring.
   */
  @Bean
  PayloadEncryption payloadEncryption(Environment env) {
    String configured = env.getProperty("avance.payload.keys", "");
    if (!configured.isBlank()) {
      return PayloadEncryption.parse(configured);
    }
    if (!"embedded".equalsIgnoreCase(env.getProperty("avance.mode", "embedded"))) {
      throw new IllegalStateException(
          "AVANCE_PAYLOAD_KEYS is required outside the embedded mode: <id>:<32 random bytes in"
              + " base64> (e.g. 2026-12:$(openssl rand -base64 32)), the same on every node");
    }
    Path file = Path.of(env.getProperty("avance.home", ".avance")).resolve(KEYS_FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        // A rotation puts "embedded-2:<new key>," in front and keeps this one after it.
        String id = "embedded-1";
        Files.writeString(
            file, id + ":" + Base64.getEncoder().encodeToString(PayloadEncryption.newKey()) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        log.info("Generated the payload encryption key in {}", file);
      }
      return PayloadEncryption.parse(Files.readString(file).strip());
    } catch (IOException e) {
      throw new IllegalStateException("cannot keep the payload keys in " + file, e);
    }
  }
}
