package dev.avance.worker.platform;

import dev.avance.activities.platform.ApiKeys;
import dev.avance.activities.platform.Environment;
import dev.avance.activities.platform.PlatformRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The demo platform of the embedded mode, so that a newcomer can call the API at once: the live row
 * {@code demo} and its sandbox {@code demo_sandbox}. The sandbox key is the one the README and the
 * walkthrough use (they drive the {@code /sandbox} endpoints): from AVANCE_DEMO_API_KEY, or
 * generated once and kept in {@code <home>/demo-api-key}. The live key likewise, from
 * AVANCE_DEMO_LIVE_API_KEY or {@code <home>/demo-live-api-key}. Each is the only active key of its
 * row. Keys are never printed or logged: the start banner says where they are.
 */
@Component
@EnableConfigurationProperties(DemoProperties.class)
public class DemoPlatform implements SmartInitializingSingleton {
  public static final String ID = "demo";
  static final String SANDBOX_KEY_FILE = "demo-api-key";
  static final String LIVE_KEY_FILE = "demo-live-api-key";

  private final PlatformRepository platforms;
  private final DemoProperties demo;
  private final org.springframework.core.env.Environment env;

  public DemoPlatform(
      PlatformRepository platforms,
      DemoProperties demo,
      org.springframework.core.env.Environment env) {
    this.platforms = platforms;
    this.demo = demo;
    this.env = env;
  }

  @Override
  public void afterSingletonsInstantiated() {
    boolean embedded = "embedded".equalsIgnoreCase(env.getProperty("avance.mode", "embedded"));
    if (!(demo.enabled().isBlank() ? embedded : Boolean.parseBoolean(demo.enabled()))) {
      return;
    }
    Path home = Path.of(env.getProperty("avance.home", ".avance"));
    String sandboxKey =
        key(
            demo.apiKey(),
            "AVANCE_DEMO_API_KEY",
            Environment.SANDBOX,
            home.resolve(SANDBOX_KEY_FILE));
    String liveKey =
        key(
            demo.liveApiKey(),
            "AVANCE_DEMO_LIVE_API_KEY",
            Environment.LIVE,
            home.resolve(LIVE_KEY_FILE));
    platforms.upsert(ID, "Demo platform", Environment.SANDBOX, sandboxKey);
    platforms.upsert(ID, "Demo platform", Environment.LIVE, liveKey);
    // Printed, not logged, and without the keys: a terminal's scrollback and a log pipeline are
    // no place for them.
    System.out.println();
    System.out.println("  Avance demo platform '" + ID + "' is ready.");
    System.out.println(
        "  Sandbox key (avk_test_, the walkthrough's): "
            + where(demo.apiKey(), "AVANCE_DEMO_API_KEY", home.resolve(SANDBOX_KEY_FILE)));
    System.out.println(
        "  Live key (avk_live_):                       "
            + where(demo.liveApiKey(), "AVANCE_DEMO_LIVE_API_KEY", home.resolve(LIVE_KEY_FILE)));
    System.out.println();
  }

  private static String where(String fixed, String variable, Path file) {
    return fixed.isBlank() ? "in " + file : "the value of " + variable;
  }

  /** The fixed key, which must show its kind, or the kept one. */
  private static String key(String fixed, String variable, Environment environment, Path file) {
    if (fixed.isBlank()) {
      return keptOrNewKey(environment, file);
    }
    if (!fixed.startsWith(environment.keyPrefix())
        || fixed.length() < environment.keyPrefix().length() + 16) {
      throw new IllegalStateException(
          variable
              + " must be a "
              + environment
              + " key: "
              + environment.keyPrefix()
              + " and at least 16 more characters");
    }
    return fixed;
  }

  /**
   * The key kept in the file, or a new one written there. A kept key of another kind (the demo's
   * one key from before live and sandbox were apart) is replaced: it stays its old row's key.
   */
  private static String keptOrNewKey(Environment environment, Path file) {
    try {
      if (Files.exists(file)) {
        String kept = Files.readString(file).trim();
        if (kept.startsWith(environment.keyPrefix())) {
          return kept;
        }
      }
      String key = ApiKeys.generate(environment);
      Files.createDirectories(file.toAbsolutePath().getParent());
      // Readable by its owner from the first byte, and never half written.
      Path tmp =
          Files.createTempFile(
              file.toAbsolutePath().getParent(),
              ".demo-key",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, key + "\n");
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return key;
    } catch (IOException e) {
      throw new IllegalStateException("cannot keep the demo API key in " + file, e);
    }
  }
}
