package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * No personal data readable in Temporal: a borrower with a direct-debit repayment method (IBAN,
 * business email, the representative's birth date, a person's name) is onboarded over the API, then
 * every history on the dev server (this one's and every other in-process suite's: it runs last, by
 * its {@code @Order} and junit-platform.properties) is read through the server's HTTP API, as the
 * UI, the CLI or a backup would, and none of it shows. The codec server decodes them again (so the
 * search can fail), and the Temporal UI, in headless Chromium, shows them decoded: its screenshot
 * is target/temporal-ui-decoded.png (the README shows docs/'s copy).
 */
@Order(Integer.MAX_VALUE)
class PayloadPrivacyIT extends EmbeddedApiTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

  /**
   * In target/, so that a run leaves the tree clean; the README's copy is docs/'s, refreshed by
   * hand.
   */
  private static final Path SCREENSHOT =
      Path.of(System.getProperty("ui.screenshot", "target/temporal-ui-decoded.png"))
          .toAbsolutePath();

  private static final String IBAN = "FR7630004000031234567890143";
  private static final String EMAIL = "jeanne.martin-lefebvre@boulangerie.test";
  private static final String BIRTH_DATE = "1979-03-08";
  private static final String SURNAME = "Martin-Lefebvre";

  /** Values of the suites' own fixtures (Bodies, OnboardingIT, LoanIT), found nowhere either. */
  private static final List<String> FIXTURES =
      List.of("FR1420041010050500013M02606", "cfo@acme.test", "1980-05-17");

  @LocalServerPort int port;

  @Value("${avance.codec.token}")
  String codecToken;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void noPersonalDataIsReadableInAnyHistoryAndTheCodecServerShowsIt() throws Exception {
    Http api = new Http("http://localhost:" + port);
    Http ui = new Http("http://localhost:" + uiPort());
    Http.Response created =
        api.postJson(
            "/borrowers",
            KEY_A,
            """
            {"identifier":"%s","name":"Jeanne %s EI","signed_at":"2026-01-15T09:30:00Z",
             "wait_for_ready":true}
            """
                .formatted(Sirens.eligible(), SURNAME));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String borrowerId = created.json().path("id").asString();
    Http.Response method =
        api.postJson(
            "/borrower/" + borrowerId + "/repayment-methods",
            KEY_A,
            """
            {"payment_method":"DIRECT_DEBIT",
             "from_account":{"account_number":"%s","bank_identifier":"BDFEFRPPCCT"},
             "business_email":"%s",
             "legal_representative":{"birth_date":"%s","nationality":"FRA","country_of_residence":"FRA"},
             "is_default_repayment_method":true,"name":"Compte de Jeanne %s"}
            """
                .formatted(IBAN, EMAIL, BIRTH_DATE, SURNAME));
    assertThat(method.status()).as(method.body()).isEqualTo(201);
    String workflowId = "borrower-" + borrowerId;

    // Every history on the server, through its HTTP API (the UI's /api/v1 proxy).
    List<String[]> executions = listExecutions(ui);
    assertThat(executions.stream().map(e -> e[0])).contains(workflowId);
    int payloads = 0;
    List<String> secrets = new ArrayList<>(List.of(IBAN, EMAIL, BIRTH_DATE, SURNAME));
    secrets.addAll(FIXTURES);
    for (String[] execution : executions) {
      JsonNode history = history(ui, execution[0], execution[1]);
      String raw = history.toString();
      List<JsonNode> found = new ArrayList<>();
      collectPayloads(history, found);
      payloads += found.size();
      StringBuilder decoded = new StringBuilder(raw);
      for (JsonNode payload : found) {
        decoded.append('\n').append(bytes(payload.path("data").asString("")));
      }
      for (String secret : secrets) {
        assertThat(decoded.toString())
            .as("history of %s holds %s", execution[0], secret)
            .doesNotContain(secret);
      }
    }
    assertThat(payloads).as("payloads read").isGreaterThan(10);

    // The codec server decodes the borrower's payloads: the search above can fail.
    JsonNode borrowerHistory = history(ui, workflowId, null);
    List<JsonNode> all = new ArrayList<>();
    collectPayloads(borrowerHistory, all);
    List<JsonNode> encrypted =
        all.stream()
            .filter(
                p ->
                    bytes(p.path("metadata").path("encoding").asString(""))
                        .equals("binary/encrypted"))
            .toList();
    assertThat(encrypted).isNotEmpty();
    // The others are what Temporal itself writes outside the codec, search attributes and version
    // markers: one id, status or number each, never a record (every input and result is one).
    assertThat(all.stream().filter(p -> !encrypted.contains(p)))
        .allSatisfy(
            p ->
                assertThat(Http.JSON.readTree(bytes(p.path("data").asString())).isValueNode())
                    .as(bytes(p.path("data").asString()))
                    .isTrue());
    ObjectNode body = Http.JSON.createObjectNode();
    ArrayNode list = body.putArray("payloads");
    encrypted.forEach(list::add);
    Http.Response decode = api.postJson("/codec/decode", OPERATOR_KEY, body.toString());
    assertThat(decode.status()).as(decode.body()).isEqualTo(200);
    StringBuilder plain = new StringBuilder();
    for (JsonNode p : decode.json().path("payloads")) {
      assertThat(bytes(p.path("metadata").path("encoding").asString())).isEqualTo("json/plain");
      plain.append(bytes(p.path("data").asString())).append('\n');
    }
    assertThat(plain.toString()).contains(IBAN, EMAIL, BIRTH_DATE, SURNAME);

    // Only with a credential: none, a platform's key, or a wrong token are refused.
    assertThat(api.postJson("/codec/decode", null, body.toString()).status()).isEqualTo(401);
    assertThat(api.postJson("/codec/decode", KEY_A, body.toString()).status()).isEqualTo(403);
    assertThat(api.postJson("/codec/ui/wrong-token/decode", null, body.toString()).status())
        .isEqualTo(403);
    assertThat(
            api.postJson("/codec/ui/" + codecToken + "/decode", null, body.toString())
                .json()
                .toString())
        .isEqualTo(decode.json().toString());

    // The UI's preflight from its own origin is allowed; another origin's is not.
    assertThat(preflight("http://localhost:" + uiPort()).headers().firstValue(ALLOW_ORIGIN))
        .hasValue("http://localhost:" + uiPort());
    HttpResponse<String> foreign = preflight("http://evil.test");
    assertThat(foreign.headers().firstValue(ALLOW_ORIGIN)).isEmpty();
    assertThat(foreign.statusCode()).isEqualTo(403);

    // The dev server's UI knows its codec endpoint...
    assertThat(ui.get("/api/v1/settings", null).json().path("Codec").path("Endpoint").asString())
        .isEqualTo("http://localhost:" + port + "/codec/ui/" + codecToken);
    // ...and shows the decoded data to the operator's browser.
    assertUiShowsDecoded(workflowId, ui);
  }

  private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

  private HttpResponse<String> preflight(String origin) throws Exception {
    return client.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/codec/ui/" + codecToken + "/decode"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type,x-namespace")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void assertUiShowsDecoded(String workflowId, Http ui) throws Exception {
    assertThat(Files.isExecutable(CHROMIUM))
        .as("Chromium is needed at %s (apt-get install -y chromium)", CHROMIUM)
        .isTrue();
    String runId =
        ui.get("/api/v1/namespaces/default/workflows/" + workflowId, null)
            .json()
            .path("workflowExecutionInfo")
            .path("execution")
            .path("runId")
            .asString();
    String page =
        "http://localhost:"
            + uiPort()
            + "/namespaces/default/workflows/"
            + workflowId
            + "/"
            + runId
            + "/history";
    Files.createDirectories(SCREENSHOT.getParent());
    Files.deleteIfExists(SCREENSHOT);
    // A running workflow's page long-polls its history, so Chromium's virtual time never runs
    // out for --dump-dom: the page is read and captured over the DevTools protocol instead.
    try (DevTools chromium = DevTools.open(CHROMIUM, page)) {
      String dom = chromium.awaitDom(SURNAME, Duration.ofSeconds(90));
      assertThat(dom).as("the UI's page, decoded by the codec server").contains(SURNAME);
      Files.write(SCREENSHOT, chromium.screenshot());
    }
    assertThat(Files.size(SCREENSHOT)).isGreaterThan(20_000);
  }

  /** Every execution of the namespace, open or closed: workflow id and run id. */
  private static List<String[]> listExecutions(Http ui) {
    List<String[]> executions = new ArrayList<>();
    String token = "";
    do {
      Http.Response r =
          ui.get(
              "/api/v1/namespaces/default/workflows?pageSize=500&nextPageToken="
                  + URLEncoder.encode(token, StandardCharsets.UTF_8),
              null);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      for (JsonNode e : r.json().path("executions")) {
        executions.add(
            new String[] {
              e.path("execution").path("workflowId").asString(),
              e.path("execution").path("runId").asString()
            });
      }
      token = r.json().path("nextPageToken").asString("");
    } while (!token.isEmpty());
    return executions;
  }

  /** The whole history, page by page, as one array of events. */
  private static JsonNode history(Http ui, String workflowId, String runId) {
    ArrayNode events = Http.JSON.createArrayNode();
    String token = "";
    do {
      Http.Response r =
          ui.get(
              "/api/v1/namespaces/default/workflows/"
                  + URLEncoder.encode(workflowId, StandardCharsets.UTF_8)
                  + "/history?"
                  + (runId == null ? "" : "execution.runId=" + runId + "&")
                  + "nextPageToken="
                  + URLEncoder.encode(token, StandardCharsets.UTF_8),
              null);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      r.json().path("history").path("events").forEach(events::add);
      token = r.json().path("nextPageToken").asString("");
    } while (!token.isEmpty());
    return events;
  }

  /** Every payload in the JSON: an object with base64 {@code data} and {@code metadata}. */
  private static void collectPayloads(JsonNode node, List<JsonNode> out) {
    if (node.isObject()) {
      if (node.has("metadata") && node.path("metadata").isObject() && node.has("data")) {
        out.add(node);
        return;
      }
      node.properties().forEach(e -> collectPayloads(e.getValue(), out));
    } else if (node.isArray()) {
      node.forEach(n -> collectPayloads(n, out));
    }
  }

  private static String bytes(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
  }
}
