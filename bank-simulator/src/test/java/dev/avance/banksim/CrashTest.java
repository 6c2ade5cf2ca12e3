package dev.avance.banksim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The crash between "the bank accepted" and "the caller knows": a real JVM with the fault point is
 * killed with SIGKILL once the third pain.001 is committed, before its send returns.
 */
class CrashTest extends SimulatorTestBase {

  @Test
  void theBankDiesAfterCommittingTheThirdPain001AndBeforeTheCallerLearnsIt() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingBank.class.getName(),
                postgres.getJdbcUrl("postgres", "postgres"))
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child ends").isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)\n" + output).isEqualTo(137);
    assertThat(output)
        .contains("returned CRASH-1", "returned CRASH-2")
        .doesNotContain("returned CRASH-3", "survived", "shutdown hook ran")
        .contains("fault point pain.001.001.10:3", "CRASH-3 accepted and committed");
    assertThat(tx("CRASH-E2E-3").status())
        .as("the third file was committed")
        .isEqualTo(SimulatedStatus.RECEIVED);
    assertThat(bank.transactions()).hasSize(3);
  }

  @Test
  void selfKillEndsTheJvmWithoutShutdownHooks() throws IOException, InterruptedException {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SelfKillMain.class.getName())
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.exitValue()).isEqualTo(137);
    assertThat(output).doesNotContain("shutdown hook ran", "survived");
  }
}
