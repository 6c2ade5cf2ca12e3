package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Live and sandbox apart, over HTTP in-process against real PostgreSQL and a real dev server: the
 * demo platform's two keys (KEY_A its sandbox's, KEY_A_LIVE its live row's) see two sets of data, a
 * live key finds no sandbox endpoint, and a sandbox's registry overrides are its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvironmentsIT extends EmbeddedApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Http http;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
  }

  private static void assertNotFound(Http.Response r, String path) {
    assertThat(r.status()).as(r.body()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode body = r.json();
    assertThat(body.path("code").asString()).isEqualTo("not_found");
    assertThat(body.path("detail").asString()).isEqualTo("No endpoint " + path);
    assertThat(body.path("instance").asString()).isEqualTo(path);
  }

  private String borrower(String key, String siren) {
    Http.Response r = http.postJson("/borrowers", key, "{\"identifier\":\"" + siren + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asString();
  }

  private int overrides() {
    return jdbc.sql("select count(*) from registry_overrides").query(Integer.class).single();
  }

  @Test
  void aLiveKeyOnTheSandboxEndpointsMeetsAnUnknownPath() {
    String siren = Sirens.eligible();
    String body = "{\"identifier\":\"" + siren + "\",\"scenario\":\"INSOLVENT\"}";
    int before = overrides();

    Http.Response live = http.postJson("/sandbox/company-eligibility", KEY_A_LIVE, body);
    Http.Response unknown = http.postJson("/sandbox/no-such-endpoint", KEY_A_LIVE, body);

    assertNotFound(live, "/sandbox/company-eligibility");
    assertNotFound(unknown, "/sandbox/no-such-endpoint");
    assertThat(live.json().path("title")).isEqualTo(unknown.json().path("title"));
    assertThat(live.json().properties())
        .extracting(java.util.Map.Entry::getKey)
        .containsExactlyElementsOf(
            unknown.json().properties().stream().map(java.util.Map.Entry::getKey).toList());
    assertNotFound(
        http.postJson("/sandbox/loan/some-loan/fail-payout", KEY_A_LIVE, "{}"),
        "/sandbox/loan/some-loan/fail-payout");
    assertThat(overrides()).as("nothing set").isEqualTo(before);
    // The same call with the platform's sandbox key is served.
    assertThat(http.postJson("/sandbox/company-eligibility", KEY_A, body).status()).isEqualTo(200);
    assertThat(overrides()).isEqualTo(before + 1);
  }

  @Test
  void aSandboxBorrowerIsInvisibleToTheLiveKeyOfTheSamePlatform() {
    String siren = Sirens.eligible();
    String sandboxBorrower = borrower(KEY_A, siren);

    assertThat(http.get("/borrower/" + sandboxBorrower, KEY_A).status()).isEqualTo(200);
    Http.Response fromLive = http.get("/borrower/" + sandboxBorrower, KEY_A_LIVE);
    Http.Response missing = http.get("/borrower/00000000-0000-0000-0000-000000000000", KEY_A_LIVE);
    assertThat(fromLive.status()).isEqualTo(404);
    assertThat(fromLive.json().path("code").asString()).isEqualTo("not_found");
    assertThat(fromLive.json().path("title")).isEqualTo(missing.json().path("title"));
    assertThat(http.get("/borrowers?borrower_identifier=" + siren, KEY_A_LIVE).json().path("data"))
        .isEmpty();
    assertThat(http.get("/borrower/" + sandboxBorrower + "/credit-line", KEY_A_LIVE).status())
        .isEqualTo(404);
    assertThat(
            jdbc.sql("select platform_id from borrowers where id = :id")
                .param("id", sandboxBorrower)
                .query(String.class)
                .single())
        .isEqualTo("demo_sandbox");
  }

  @Test
  void aLiveBorrowerIsInvisibleToTheSandboxKeyOfTheSamePlatform() {
    String siren = Sirens.eligible();
    String liveBorrower = borrower(KEY_A_LIVE, siren);

    assertThat(http.get("/borrower/" + liveBorrower, KEY_A_LIVE).status()).isEqualTo(200);
    assertThat(http.get("/borrower/" + liveBorrower, KEY_A).status()).isEqualTo(404);
    assertThat(http.get("/borrowers?borrower_identifier=" + siren, KEY_A).json().path("data"))
        .isEmpty();
    assertThat(
            http.get("/borrowers?borrower_identifier=" + siren, KEY_A_LIVE)
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asString())
        .isEqualTo(liveBorrower);
    // Two environments, two tenants: the same company is onboarded in the sandbox too.
    String sandboxTwin = borrower(KEY_A, siren);
    assertThat(sandboxTwin).isNotEqualTo(liveBorrower);
  }

  @Test
  void aSandboxsRegistryScenarioAppliesToItsOwnBorrowersOnly() {
    String siren = Sirens.eligible();
    assertThat(
            http.postJson(
                    "/sandbox/company-eligibility",
                    KEY_B,
                    "{\"identifier\":\"" + siren + "\",\"scenario\":\"INSOLVENT\"}")
                .status())
        .isEqualTo(200);

    JsonNode theirs =
        http.postJson(
                "/borrowers", KEY_B, "{\"identifier\":\"" + siren + "\",\"wait_for_ready\":true}")
            .json();
    JsonNode ours =
        http.postJson(
                "/borrowers", KEY_A, "{\"identifier\":\"" + siren + "\",\"wait_for_ready\":true}")
            .json();
    JsonNode live =
        http.postJson(
                "/borrowers",
                KEY_A_LIVE,
                "{\"identifier\":\"" + siren + "\",\"wait_for_ready\":true}")
            .json();

    assertThat(theirs.path("status").asString()).isEqualTo("REFUSED");
    assertThat(theirs.path("status_reason").asString()).isEqualTo("INSOLVENT");
    assertThat(ours.path("status").asString()).isEqualTo("TO_SIGN");
    assertThat(live.path("status").asString()).isEqualTo("TO_SIGN");
  }
}
