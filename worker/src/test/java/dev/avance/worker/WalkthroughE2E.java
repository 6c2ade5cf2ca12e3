package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough, scripts/walkthrough.sh, run as a newcomer runs it: curl against the
 * packaged jar in its embedded mode. Twice, since every run onboards fresh companies and must pass
 * against an instance that already holds the previous run's borrowers and loans.
 */
class WalkthroughE2E {
  private static final Path ROOT =
      Path.of(System.getProperty("project.root", "..")).toAbsolutePath();
  private AvanceProcess app;

  @AfterEach
  void tearDown() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theWalkthroughScriptFollowsTheGuideToTheEnd() throws Exception {
    Path script = ROOT.resolve("scripts/walkthrough.sh");
    assertThat(script).exists();
    app = new AvanceProcess("walkthrough");
    Process avance =
        app.start("run", Map.of("AVANCE_OPERATOR_API_KEY", "avk_walkthrough_operator_0123456789"));
    app.awaitReady(avance, "run");

    for (int run = 1; run <= 2; run++) {
      Path output = app.home.resolve("walkthrough-" + run + ".out");
      ProcessBuilder builder =
          new ProcessBuilder("bash", script.toString())
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().put("AVANCE_URL", "http://localhost:" + app.apiPort);
      builder.environment().put("AVANCE_API_KEY", AvanceProcess.KEY);
      builder.environment().put("AVANCE_OPERATOR_API_KEY", "avk_walkthrough_operator_0123456789");
      Path saved = app.home.resolve("walkthrough-" + run);
      builder.environment().put("AVANCE_WALKTHROUGH_DIR", saved.toString());
      Process walkthrough = builder.start();
      boolean finished = walkthrough.waitFor(5, TimeUnit.MINUTES);
      if (!finished) {
        walkthrough.destroyForcibly();
      }
      String printed = Files.readString(output);
      System.out.printf("--- walkthrough run %d ---%n%s%n", run, printed);
      assertThat(finished).as("the walkthrough finished in 5 minutes").isTrue();
      assertThat(walkthrough.exitValue()).as("the walkthrough's exit code").isZero();
      assertThat(printed)
          .contains(">>> POST /borrowers", ">>> POST /loans", ">>> PATCH /loan/")
          .contains(">>> POST /sandbox/incoming-transfers")
          .contains("\"status\": \"CLOSED\"")
          .contains(">>> POST /ops/billing-runs", ">>> GET /bill/")
          .contains("Walkthrough complete")
          .contains("Contract: http://localhost:" + app.apiPort + "/loan/");
      try (var pdfs = Files.list(saved)) {
        assertThat(pdfs.map(p -> p.getFileName().toString()))
            .anyMatch(name -> name.startsWith("contract-") && name.endsWith(".pdf"))
            .anyMatch(name -> name.startsWith("bill-") && name.endsWith(".pdf"));
      }
    }
    Books.assertBalanced(app.api(), "avk_walkthrough_operator_0123456789");
  }
}
