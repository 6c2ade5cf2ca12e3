package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of /v3/api-docs that takes an id, called by platform B with (a) an id nobody has
 * and (b) a real id of platform A: the two answers must be the same, status and problem code and
 * detail (with the id masked), so that B learns nothing of A's data, not even that an id exists.
 * The operations come from the description, so a new endpoint is swept without touching this test.
 * The operator endpoints (/ops/**) are not a platform's and are left out; /sandbox/** is swept (a
 * sandbox key calls it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancySweepIT extends EmbeddedApiTest {
  /** Fewer operations than this means the description or the filter broke, not a safe API. */
  private static final int FLOOR = 15;

  private static final String IBAN = "FR1420041010050500013M02606";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Http http;

  /** A's real ids, by the path parameter's meaning. */
  private String borrowerA;

  private String loanA;
  private String webhookA;
  private Optional<String> billA;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
    Http.Response borrower =
        http.postJson(
            "/borrowers",
            KEY_A,
            "{\"identifier\":\""
                + Sirens.next("00")
                + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
    assertThat(borrower.json().path("status").asString()).as(borrower.body()).isEqualTo("READY");
    borrowerA = borrower.json().path("id").asString();
    // Waits for A's validation: nothing is paid out, so the sweep's own calls move no money.
    Http.Response loan =
        http.postJson(
            "/loans",
            KEY_A,
            """
            {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":50000,
             "invoice":{"number":"SWEEP-%s","amount":100000},
             "loan_to":{"account_number":"%s"},"to_pay_at":"%s","to_repay_at":"%s",
             "auto_validate":false,"salt_id":"sweep-%s"}
            """
                .formatted(
                    borrowerA,
                    UUID.randomUUID(),
                    IBAN,
                    TODAY,
                    TODAY.plusDays(30),
                    UUID.randomUUID()));
    assertThat(loan.status()).as(loan.body()).isIn(200, 201, 202);
    loanA = loan.json().path("id").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "TO_VALIDATE"
                    .equals(http.get("/loan/" + loanA, KEY_A).json().path("status").asString()));
    Http.Response webhook =
        http.postJson(
            "/webhooks",
            KEY_A,
            "{\"to_url\":\"https://receiver.example.com/sweep\",\"event_types\":[\"loan.*\"]}");
    assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
    webhookA = webhook.json().path("id").asString();
    // A bill exists only once a billing run has passed (BillingIT); without one, its operation
    // is still swept with the missing id.
    billA =
        jdbc.sql("select id from bills where platform_id <> 'platform-b' limit 1")
            .query(String.class)
            .optional();
  }

  @Test
  void anotherPlatformsIdAnswersExactlyLikeAMissingOne() {
    JsonNode docs = http.get("/v3/api-docs", null).json();
    SoftAssertions softly = new SoftAssertions();
    List<String> swept = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
      String template = path.getKey();
      // Operators' paths, the codec's (its path holds the UI's credential, not a tenant's id) and
      // the T&Cs (one catalogue for every platform) have no tenancy to sweep.
      if (!template.contains("{")
          || template.startsWith("/ops/")
          || template.startsWith("/codec/")
          || template.startsWith("/terms/")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
        Optional<String> realId = realIdFor(template);
        String body = bodyFor(template, operation.getValue(), docs);
        String missingId = "sweep-missing-" + UUID.randomUUID().toString().substring(0, 8);
        // The tenant's id is the first parameter; any further one (a document of the loan) is one
        // that exists nowhere, so that only the first decides the answer.
        String filled = template.replaceFirst("(\\{[^}]+}.*?)\\{[^}]+}", "$1sweep-none");
        Http.Response missing = call(method, filled.replaceFirst("\\{[^}]+}", missingId), body);
        if (realId.isEmpty()) {
          softly.assertThat(missing.status()).as(method + " " + template).isEqualTo(404);
          swept.add(method + " " + template + " (missing only)");
          continue;
        }
        Http.Response foreign = call(method, filled.replaceFirst("\\{[^}]+}", realId.get()), body);
        String what = method + " " + template;
        softly
            .assertThat(foreign.status())
            .as(what + ": " + foreign.body())
            .isEqualTo(missing.status());
        softly.assertThat(foreign.status()).as(what + " answers 404").isEqualTo(404);
        softly
            .assertThat(problem(foreign, realId.get()))
            .as(what)
            .isEqualTo(problem(missing, missingId));
        swept.add(what);
      }
    }
    System.out.printf("Tenancy sweep: %d operations: %s%n", swept.size(), swept);
    softly.assertThat(swept).as("operations swept").hasSizeGreaterThanOrEqualTo(FLOOR);
    softly.assertAll();
    // A's data is as it was: nothing B sent reached it.
    assertThat(http.get("/loan/" + loanA, KEY_A).json().path("status").asString())
        .isEqualTo("TO_VALIDATE");
    assertThat(http.get("/webhook/" + webhookA + "/deliveries", KEY_A).status()).isEqualTo(200);
  }

  /** The shared database keeps no subscription or open loan of this suite's making. */
  @AfterAll
  void cleanUp() {
    if (webhookA != null) {
      assertThat(http.method("DELETE", "/webhook/" + webhookA, KEY_A).status()).isIn(200, 204);
    }
    if (loanA != null) {
      assertThat(http.post("/loan/" + loanA + "/cancel", KEY_A, null, "").status()).isEqualTo(200);
    }
  }

  private Optional<String> realIdFor(String template) {
    if (template.startsWith("/loan/") || template.startsWith("/sandbox/loan/")) {
      return Optional.of(loanA);
    }
    if (template.startsWith("/borrower/")) {
      return Optional.of(borrowerA);
    }
    if (template.startsWith("/webhook/")) {
      return Optional.of(webhookA);
    }
    if (template.startsWith("/bill/")) {
      return billA;
    }
    throw new AssertionError("no id of platform A for " + template + ": add one to the sweep");
  }

  private Http.Response call(String method, String path, String body) {
    return switch (method) {
      case "GET" -> http.get(path, KEY_B);
      case "POST" ->
          body == null ? http.post(path, KEY_B, null, "") : http.postJson(path, KEY_B, body);
      case "PATCH" -> http.patch(path, KEY_B, body == null ? "{}" : body);
      default -> http.method(method, path, KEY_B);
    };
  }

  /** What a caller can tell apart: status, problem code and type, detail without the id. */
  private static String problem(Http.Response r, String id) {
    if (!r.contentType().startsWith("application/problem+json")) {
      return r.status() + " " + r.contentType() + " " + r.body().replace(id, "{id}");
    }
    JsonNode p = r.json();
    return r.status()
        + " "
        + p.path("code").asString()
        + " "
        + p.path("type").asString()
        + " "
        + p.path("detail").asString().replace(id, "{id}");
  }

  /**
   * A valid body, so that the answer is about the id and not the body: the fixed ones a schema
   * cannot describe, otherwise the required fields of the request schema from their examples.
   */
  private static String bodyFor(String template, JsonNode operation, JsonNode docs) {
    JsonNode content = operation.path("requestBody").path("content");
    if (content.isMissingNode()) {
      return null;
    }
    if (template.endsWith("/repayment-methods")) {
      return Bodies.sddMethod(IBAN);
    }
    JsonNode schema = resolve(content.path("application/json").path("schema"), docs);
    return example(schema, docs).toString();
  }

  private static JsonNode resolve(JsonNode schema, JsonNode docs) {
    String ref = schema.path("$ref").asString("");
    if (ref.isEmpty()) {
      return schema;
    }
    return docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
  }

  private static JsonNode example(JsonNode schema, JsonNode docs) {
    ObjectNode body = Http.JSON.createObjectNode();
    for (JsonNode required : schema.path("required")) {
      String name = required.asString();
      JsonNode property = resolve(schema.path("properties").path(name), docs);
      body.set(name, value(property, docs));
    }
    return body;
  }

  private static JsonNode value(JsonNode property, JsonNode docs) {
    if (property.has("example")) {
      return property.get("example");
    }
    if (property.has("enum")) {
      return property.get("enum").get(0);
    }
    String format = property.path("format").asString("");
    return switch (property.path("type").asString("object")) {
      case "integer", "number" -> Http.JSON.getNodeFactory().numberNode(1);
      case "boolean" -> Http.JSON.getNodeFactory().booleanNode(false);
      case "string" ->
          Http.JSON
              .getNodeFactory()
              .stringNode(
                  switch (format) {
                    case "date" -> TODAY.plusDays(30).toString();
                    case "date-time" -> "2026-01-15T09:30:00Z";
                    default -> "x";
                  });
      case "array" -> Http.JSON.createArrayNode();
      default -> example(property, docs);
    };
  }
}
