package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Schemathesis against the generated OpenAPI description of the packaged jar: at least 1,000
 * generated requests over every endpoint, and more over the operators' endpoints with their key; no
 * 5xx, no response that breaks the description.
 */
class FuzzE2E {
  private static final String OPERATOR = "avk_fuzz_operator_0123456789abcdef";
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
  void generatedRequestsGetNoServerErrorAndMatchTheDescription() throws Exception {
    app = new AvanceProcess("fuzz");
    // Fuzzed subscriptions must never make the app call hosts outside this machine.
    Process run =
        app.start(
            "run",
            Map.of(
                "AVANCE_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1", "AVANCE_OPERATOR_API_KEY", OPERATOR));
    app.awaitReady(run, "run");
    app.api()
        .postJson(
            "/borrowers",
            AvanceProcess.KEY,
            "{\"identifier\":\"552100554\",\"signed_at\":\"2026-01-15T09:30:00Z\","
                + "\"wait_for_ready\":true}");

    // Every endpoint with a platform's key (the operators' ones answer 403), then the operators'
    // endpoints with the operator key.
    assertThat(fuzz("platform", AvanceProcess.KEY, null)).isGreaterThanOrEqualTo(1000);
    assertThat(fuzz("operator", OPERATOR, "^/ops/")).isGreaterThanOrEqualTo(100);
  }

  /** One schemathesis run; returns how many requests it generated. */
  private int fuzz(String name, String key, String pathRegex) throws Exception {
    Path cli = ROOT.resolve(".tools/bin/schemathesis");
    assertThat(cli).as("run scripts/install-test-tools").isExecutable();
    Path log = app.home.resolve("schemathesis-" + name + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                cli.toString(),
                "run",
                "http://localhost:" + app.apiPort + "/v3/api-docs",
                "-H",
                "Authorization: Bearer " + key,
                "--max-examples",
                "40",
                "--checks",
                "not_a_server_error,status_code_conformance,content_type_conformance,"
                    + "response_schema_conformance,response_headers_conformance",
                // One worker: with two threads, CPython 3.11's ast module can fail inside
                // Hypothesis ("AST constructor recursion depth mismatch"), a tool error, not ours.
                "--workers",
                "1",
                "--seed",
                System.getProperty("fuzz.seed", "20261127")));
    if (pathRegex != null) {
      command.addAll(List.of("--include-path-regex", pathRegex));
    }
    Process fuzz =
        new ProcessBuilder(command)
            .directory(app.home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(fuzz.waitFor(10, TimeUnit.MINUTES)).as("schemathesis within 10 minutes").isTrue();
    String output = Files.readString(log);
    System.out.println(
        name + ": " + output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(""));
    assertThat(fuzz.exitValue()).as(output).isZero();
    assertThat(output).doesNotContain("Server error");
    Matcher generated = Pattern.compile("(\\d+) generated").matcher(output);
    assertThat(generated.find()).as(output).isTrue();
    return Integer.parseInt(generated.group(1));
  }
}
