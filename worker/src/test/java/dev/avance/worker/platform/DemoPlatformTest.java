package dev.avance.worker.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.avance.activities.platform.Environment;
import dev.avance.activities.platform.PlatformRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The demo platform's two keys: kept in files, of the right kind, never printed. */
class DemoPlatformTest {
  private final PlatformRepository platforms = mock(PlatformRepository.class);

  private String start(Path home, DemoProperties demo) {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("avance.mode", "embedded")
            .withProperty("avance.home", home.toString());
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      new DemoPlatform(platforms, demo, env).afterSingletonsInstantiated();
    } finally {
      System.setOut(out);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void generatedKeysAreKeptInTheirFilesAndNeverPrinted(@TempDir Path home) throws Exception {
    String printed = start(home, new DemoProperties("", "", ""));

    String sandbox = Files.readString(home.resolve("demo-api-key")).trim();
    String live = Files.readString(home.resolve("demo-live-api-key")).trim();
    assertThat(sandbox).matches("avk_test_[0-9A-Za-z]{32}");
    assertThat(live).matches("avk_live_[0-9A-Za-z]{32}");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("demo-api-key"))))
        .isEqualTo("rw-------");
    verify(platforms).upsert("demo", "Demo platform", Environment.SANDBOX, sandbox);
    verify(platforms).upsert("demo", "Demo platform", Environment.LIVE, live);
    assertThat(printed)
        .contains(home.resolve("demo-api-key").toString())
        .contains(home.resolve("demo-live-api-key").toString())
        .doesNotContain(sandbox)
        .doesNotContain(live)
        .doesNotContain(sandbox.substring(9));

    // The next start finds the same keys.
    start(home, new DemoProperties("", "", ""));
    assertThat(Files.readString(home.resolve("demo-api-key")).trim()).isEqualTo(sandbox);
  }

  @Test
  void theOneKeyOfBeforeEnvironmentsIsReplacedBySandboxKey(@TempDir Path home) throws Exception {
    String old = "avk_demo_0123456789abcdefghijklmnopqrstuv";
    Files.writeString(home.resolve("demo-api-key"), old + "\n");

    start(home, new DemoProperties("", "", ""));

    String sandbox = Files.readString(home.resolve("demo-api-key")).trim();
    assertThat(sandbox).startsWith("avk_test_").isNotEqualTo(old);
    verify(platforms, never()).upsert(anyString(), anyString(), any(), eq(old));
  }

  @Test
  void fixedKeysMustShowTheirKind(@TempDir Path home) {
    String sandbox = "avk_test_fixed_0123456789abcdef";
    String live = "avk_live_fixed_0123456789abcdef";

    String printed = start(home, new DemoProperties("", sandbox, live));

    verify(platforms).upsert("demo", "Demo platform", Environment.SANDBOX, sandbox);
    verify(platforms).upsert("demo", "Demo platform", Environment.LIVE, live);
    assertThat(printed).contains("AVANCE_DEMO_API_KEY").doesNotContain(sandbox);
    assertThat(Files.exists(home.resolve("demo-api-key"))).isFalse();
    assertThatThrownBy(() -> start(home, new DemoProperties("", live, "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AVANCE_DEMO_API_KEY");
    assertThatThrownBy(() -> start(home, new DemoProperties("", "", "avk_live_short")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AVANCE_DEMO_LIVE_API_KEY");
  }

  @Test
  void outsideTheEmbeddedModeThereIsNoDemoUnlessAsked(@TempDir Path home) {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("avance.mode", "external")
            .withProperty("avance.home", home.toString());

    new DemoPlatform(platforms, new DemoProperties("", "", ""), env).afterSingletonsInstantiated();

    verify(platforms, never()).upsert(anyString(), anyString(), any(), anyString());
    assertThat(Files.exists(home.resolve("demo-api-key"))).isFalse();
  }
}
