package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar in the {@code production} profile, as the image and compose run it (here in its
 * embedded mode, for want of a container engine): a sandbox key is refused on every endpoint, live
 * keys work, and the sandbox endpoints are gone from the API and its description.
 */
class ProductionProfileE2E {
  private static final String LIVE_KEY = "avk_live_production_e2e_0123456789abcdef";
  private AvanceProcess app;

  @AfterEach
  void tearDown() {
    if (app != null) {
      app.close();
    }
  }

  private static void assertProblem(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).isEqualTo(code);
  }

  @Test
  void sandboxKeysAreRefusedAndTheSandboxIsGone() throws Exception {
    app = new AvanceProcess("production");
    Process run =
        app.start(
            "run",
            Map.of("SPRING_PROFILES_ACTIVE", "production", "AVANCE_DEMO_LIVE_API_KEY", LIVE_KEY));
    app.awaitReady(run, "run");
    Http api = app.api();
    String eligibility = "{\"identifier\":\"552100554\",\"scenario\":\"INSOLVENT\"}";

    assertProblem(api.get("/borrowers", AvanceProcess.KEY), 403, "sandbox_disabled");
    assertProblem(
        api.postJson("/borrowers", AvanceProcess.KEY, "{\"identifier\":\"552100554\"}"),
        403,
        "sandbox_disabled");
    assertProblem(api.get("/bills", AvanceProcess.KEY), 403, "sandbox_disabled");
    // The sandbox endpoints do not exist here: an unknown path, whoever asks.
    assertProblem(
        api.postJson("/sandbox/company-eligibility", AvanceProcess.KEY, eligibility),
        404,
        "not_found");

    assertThat(api.get("/borrowers", LIVE_KEY).status()).isEqualTo(200);
    Http.Response created = api.postJson("/borrowers", LIVE_KEY, "{\"identifier\":\"552100554\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertProblem(
        api.postJson("/sandbox/company-eligibility", LIVE_KEY, eligibility), 404, "not_found");

    JsonNode description = api.get("/v3/api-docs", null).json();
    assertThat(description.path("paths").properties())
        .extracting(Map.Entry::getKey)
        .isNotEmpty()
        .noneMatch(path -> path.startsWith("/sandbox"));
    assertThat(app.log("run"))
        .contains("demo platform 'demo' is ready")
        .doesNotContain(LIVE_KEY)
        .doesNotContain(AvanceProcess.KEY);
  }
}
