package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * Swagger UI as a person sees it: headless Chromium loads /swagger-ui/index.html, runs its
 * JavaScript, fetches the OpenAPI description and renders the operations. The screenshot is kept in
 * target/swagger-ui.png. Chromium is required (CI installs Debian's package): without it this test
 * fails rather than skips.
 */
class SwaggerUiE2E extends EmbeddedApiTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
  private static final Path SCREENSHOT = Path.of("target", "swagger-ui.png").toAbsolutePath();

  @LocalServerPort int port;

  @Test
  void swaggerUiRendersTheApiInHeadlessChromium() throws Exception {
    assertThat(Files.isExecutable(CHROMIUM))
        .as(
            "Chromium is needed at %s to render Swagger UI: install it with `apt-get install -y"
                + " chromium` (.ci/run does), or point -Dchromium= at another build",
            CHROMIUM)
        .isTrue();
    Http http = new Http("http://localhost:" + port);
    assertThat(http.get("/swagger-ui.html", null).status()).isIn(200, 302);
    Http.Response index = http.get("/swagger-ui/index.html", null);
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.contentType()).startsWith("text/html");
    Http.Response config = http.get("/v3/api-docs/swagger-config", null);
    assertThat(config.status()).as(config.body()).isEqualTo(200);
    assertThat(config.json().path("url").asString()).isEqualTo("/v3/api-docs");

    String page = "http://localhost:" + port + "/swagger-ui/index.html";
    Files.deleteIfExists(SCREENSHOT);
    chromium("screenshot", "--screenshot=" + SCREENSHOT, "--window-size=1280,2000", page);
    assertThat(SCREENSHOT).exists();
    assertThat(Files.size(SCREENSHOT))
        .as("a blank page makes a small PNG; the rendered UI a larger one")
        .isGreaterThan(20_000);

    String dom = chromium("dump-dom", "--dump-dom", page);
    // Rendered by Swagger UI's JavaScript from /v3/api-docs; none of it is in the static HTML.
    assertThat(dom)
        .contains("Avance API")
        .contains("/loans")
        .contains("/borrower/{id}/sign")
        .contains("Request a loan")
        .contains("opblock");
    assertThat(index.body()).doesNotContain("Avance API");
  }

  /** Runs headless Chromium on the page; returns what it printed on stdout. */
  private static String chromium(String run, String... arguments)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("avance-chromium-");
    Path out = Path.of("target", "chromium-" + run + ".out");
    Path err = Path.of("target", "chromium-" + run + ".err");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=10000"));
    command.addAll(List.of(arguments));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("Chromium did not finish in 120 s: " + Files.readString(err));
      }
      assertThat(process.exitValue())
          .as("Chromium's exit code; its stderr: %s", Files.readString(err))
          .isZero();
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      FileSystemUtils.deleteRecursively(profile);
    }
  }
}
