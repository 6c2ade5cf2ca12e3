package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The API in-process against real PostgreSQL and a real `temporal server start-dev` (the embedded
 * mode, on ports of its own): tenancy, the problem responses for bad input, and that bad input
 * creates nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT extends EmbeddedApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Http http;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
  }

  private static final java.util.Map<Integer, String> SIRENS = new java.util.HashMap<>();

  /** A valid, eligible SIREN per number, the same within this run. */
  private static synchronized String siren(int n) {
    return SIRENS.computeIfAbsent(n, k -> Sirens.eligible());
  }

  private int borrowerCount() {
    return jdbc.sql("select count(*) from borrowers").query(Integer.class).single();
  }

  private static void assertProblem(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode body = r.json();
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("code").asString()).isEqualTo(code);
    assertThat(body.path("type").asString()).isEqualTo("urn:avance:problem:" + code);
    assertThat(body.path("title").asString()).isNotBlank();
    assertThat(body.path("detail").asString()).isNotBlank();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void createsReadsAndListsABorrower() {
    Http.Response created =
        http.postJson(
            "/borrowers",
            KEY_A,
            "{\"identifier\":\""
                + siren(1)
                + "\",\"country\":\"FRA\",\"name\":\"Acme SAS\","
                + "\"metadata\":{\"seller_id\":\"s-42\"}}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode borrower = created.json();
    String id = borrower.path("id").asString();
    // Without wait_for_ready the answer comes before eligibility, which follows at once.
    assertThat(borrower.path("status").asString()).isIn("SUBMITTED", "TO_SIGN");
    assertThat(borrower.path("identifier_type").asString()).isEqualTo("SIREN");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(http.get("/borrower/" + id, KEY_A).json().path("status").asString())
                    .isEqualTo("TO_SIGN"));
    assertThat(borrower.path("metadata").path("seller_id").asString()).isEqualTo("s-42");

    JsonNode read = http.get("/borrower/" + id, KEY_A).json();
    assertThat(read.path("id").asString()).isEqualTo(id);
    assertThat(read.path("name").asString()).isEqualTo("Acme SAS");

    JsonNode list = http.get("/borrowers?borrower_identifier=" + siren(1), KEY_A).json();
    assertThat(list.path("data")).hasSize(1);
    assertThat(list.path("data").get(0).path("id").asString()).isEqualTo(id);
    assertThat(list.path("next_page").isNull()).isTrue();
  }

  @Test
  void anotherPlatformsBorrowerAnswersExactlyLikeAMissingOne() {
    String id =
        http.postJson("/borrowers", KEY_A, "{\"identifier\":\"" + siren(2) + "\"}")
            .json()
            .path("id")
            .asString();

    Http.Response foreign = http.get("/borrower/" + id, KEY_B);
    Http.Response missing = http.get("/borrower/00000000-0000-0000-0000-000000000000", KEY_B);

    assertProblem(foreign, 404, "not_found");
    assertProblem(missing, 404, "not_found");
    assertThat(foreign.json().path("title")).isEqualTo(missing.json().path("title"));
    assertThat(http.get("/borrowers?borrower_identifier=" + siren(2), KEY_B).json().path("data"))
        .isEmpty();
    // The same company may be onboarded by two platforms: tenancy, not a duplicate.
    assertThat(http.postJson("/borrowers", KEY_B, "{\"identifier\":\"" + siren(2) + "\"}").status())
        .isEqualTo(201);
  }

  @Test
  void requestsWithoutAValidKeyAreRefused() {
    assertProblem(http.get("/borrowers", null), 401, "unauthorized");
    assertProblem(http.get("/borrowers", "avk_wrong"), 401, "unauthorized");
    int before = borrowerCount();
    assertProblem(
        http.postJson("/borrowers", null, "{\"identifier\":\"" + siren(3) + "\"}"),
        401,
        "unauthorized");
    assertThat(borrowerCount()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "broken JSON              | {\"identifier\":                      | 400 | malformed_request |",
        "empty body               |                                       | 400 | malformed_request |",
        "array body               | []                                    | 400 | malformed_request |",
        "number for a string      | {\"identifier\":552100554}            | 400 | validation_failed | identifier",
        "string for an object     | {\"identifier\":\"1\",\"metadata\":\"x\"} | 400 | validation_failed | metadata",
        "unknown enum value       | {\"identifier\":\"1\",\"country\":\"ITA\"} | 400 | validation_failed | country",
        "unknown field            | {\"identifier\":\"1\",\"colour\":\"red\"} | 400 | validation_failed | colour",
        "missing required field   | {\"name\":\"Acme\"}                   | 400 | validation_failed | identifier",
        "bad date-time            | {\"identifier\":\"1\",\"signed_at\":\"yesterday\"} | 400 | validation_failed | signed_at",
        "signature in the future  | {\"identifier\":\"552100554\",\"signed_at\":\"2999-01-01T00:00:00Z\"} | 400 | validation_failed | signed_at",
        "SIREN checksum           | {\"identifier\":\"552100555\"}    | 400 | validation_failed | identifier",
        "SIREN length             | {\"identifier\":\"55210055\"}     | 400 | validation_failed | identifier",
        "type and country mismatch | {\"identifier\":\"552100554\",\"country\":\"ESP\",\"identifier_type\":\"SIREN\"} | 400 | validation_failed | identifier",
      })
  void badBodiesGetAProblemAndCreateNothing(
      String name, String body, int status, String code, String field) {
    int before = borrowerCount();

    Http.Response r = http.postJson("/borrowers", KEY_A, body == null ? "" : body);

    assertProblem(r, status, code);
    if (field != null) {
      assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
    }
    assertThat(borrowerCount()).isEqualTo(before);
  }

  @Test
  void protocolErrorsAreProblemsToo() {
    assertProblem(
        http.post("/borrowers", KEY_A, "text/plain", "identifier=1"),
        415,
        "unsupported_media_type");
    assertProblem(http.get("/no-such-path", KEY_A), 404, "not_found");
    assertProblem(http.method("DELETE", "/borrowers", KEY_A), 405, "method_not_allowed");
    assertProblem(http.get("/borrowers?page_size=0", KEY_A), 400, "validation_failed");
    assertProblem(http.get("/borrowers?page_size=101", KEY_A), 400, "validation_failed");
    assertProblem(http.get("/borrowers?page_size=ten", KEY_A), 400, "validation_failed");
    assertProblem(http.get("/borrowers?sort_by=name", KEY_A), 400, "validation_failed");
    assertProblem(http.get("/borrowers?cursor=not-a-cursor", KEY_A), 400, "validation_failed");
    assertProblem(http.get("/borrowers?status=NOPE", KEY_A), 400, "validation_failed");
  }

  @Test
  void aKnownRegistrationNumberIsAConflictNamingTheExistingBorrower() {
    String body = "{\"identifier\":\"" + siren(4) + "\"}";
    String id = http.postJson("/borrowers", KEY_A, body).json().path("id").asString();

    Http.Response again = http.postJson("/borrowers", KEY_A, body);

    assertProblem(again, 409, "duplicate_identifier");
    assertThat(again.json().path("existing_borrower_id").asString()).isEqualTo(id);
  }

  @Test
  void concurrentOnboardingsOfOneCompanyMakeOneBorrower() throws Exception {
    String body = "{\"identifier\":\"" + siren(5) + "\"}";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Http.Response>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> http.postJson("/borrowers", KEY_A, body));
      }
      List<Integer> statuses = new ArrayList<>();
      Set<String> existing = new HashSet<>();
      String createdId = null;
      for (Future<Http.Response> f : pool.invokeAll(calls)) {
        Http.Response r = f.get();
        statuses.add(r.status());
        if (r.status() == 201) {
          createdId = r.json().path("id").asString();
        } else {
          existing.add(r.json().path("existing_borrower_id").asString());
        }
      }
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
      assertThat(existing).containsExactly(createdId);
      assertThat(
              jdbc.sql("select count(*) from borrowers where identifier = :i")
                  .param("i", siren(5))
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void cursorPaginationWalksEveryBorrowerOnce() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(
          http.postJson("/borrowers", KEY_B, "{\"identifier\":\"" + siren(100 + i) + "\"}")
              .json()
              .path("id")
              .asString());
    }
    for (String sort : List.of("created_at:desc", "created_at:asc")) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      do {
        JsonNode page =
            http.get(
                    "/borrowers?page_size=2&sort_by="
                        + sort
                        + (cursor == null ? "" : "&cursor=" + cursor),
                    KEY_B)
                .json();
        assertThat(page.path("data").size()).isLessThanOrEqualTo(2);
        page.path("data").forEach(b -> seen.add(b.path("id").asString()));
        cursor = page.path("next_page").isNull() ? null : page.path("next_page").asString();
      } while (cursor != null);
      assertThat(seen).doesNotHaveDuplicates().containsAll(created);
    }
  }
}
