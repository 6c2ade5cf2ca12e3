package dev.avance.worker.platform;

import dev.avance.activities.platform.ApiKeys;
import dev.avance.activities.platform.PlatformRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo platform of the embedded mode, so that a newcomer can call the API at once. Its key
 * comes from AVANCE_DEMO_API_KEY, or is generated once and kept in the home folder.
 */
@Component
public class DemoPlatform implements SmartInitializingSingleton {
  public static final String ID = "demo";

  private final PlatformRepository platforms;
  private final Environment env;

  public DemoPlatform(PlatformRepository platforms, Environment env) {
    this.platforms = platforms;
    this.env = env;
  }

  @Override
  public void afterSingletonsInstantiated() {
    String enabled = env.getProperty("avance.demo.enabled", "");
    boolean embedded = "embedded".equalsIgnoreCase(env.getProperty("avance.mode", "embedded"));
    if (!(enabled.isBlank() ? embedded : Boolean.parseBoolean(enabled))) {
      return;
    }
    String fixed = env.getProperty("avance.demo.api-key", "");
    String key = fixed.isBlank() ? storedOrNewKey() : fixed;
    platforms.upsert(ID, "Demo platform", key);
    // Printed, not logged: the key belongs on the operator's terminal, not in log pipelines.
    System.out.println();
    System.out.println("  Avance demo platform '" + ID + "' is ready.");
    System.out.println(
        fixed.isBlank() ? "  API key: " + key : "  API key: the value of AVANCE_DEMO_API_KEY");
    System.out.println();
  }

  private String storedOrNewKey() {
    Path file = Path.of(env.getProperty("avance.home", ".avance")).resolve("demo-api-key");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      String key = ApiKeys.generate("avk_demo_");
      Files.createDirectories(file.getParent());
      Files.writeString(file, key + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return key;
    } catch (IOException e) {
      throw new IllegalStateException("cannot keep the demo API key in " + file, e);
    }
  }
}
