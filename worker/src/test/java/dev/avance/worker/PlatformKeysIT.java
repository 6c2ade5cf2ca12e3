package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.platform.ApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Operators manage platforms and keys over HTTP, in-process against real PostgreSQL: create a
 * platform with its two first keys, rotate a key (both work meanwhile), revoke it (401), and find
 * every action in the audit log, which holds no key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformKeysIT extends EmbeddedApiTest {
  private static final String FINGERPRINT = "sha256:" + ApiKeys.hash(OPERATOR_KEY).substring(0, 12);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Http http;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
  }

  private static String newId() {
    return "keys-it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void assertProblem(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).isEqualTo(code);
  }

  private JsonNode create(String id) {
    Http.Response r =
        http.postJson(
            "/ops/platforms", OPERATOR_KEY, "{\"id\":\"" + id + "\",\"name\":\"Keys IT\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private int works(String key) {
    return http.get("/borrowers", key).status();
  }

  private long platformRows() {
    return jdbc.sql("select count(*) from platforms").query(Long.class).single();
  }

  @Test
  void anOperatorCreatesAPlatformWithAKeyForEachEnvironment() {
    String id = newId();

    JsonNode created = create(id);

    assertThat(created.path("id").asString()).isEqualTo(id);
    assertThat(created.path("environment").asString()).isEqualTo("LIVE");
    assertThat(created.path("sandbox").path("id").asString()).isEqualTo(id + "_sandbox");
    assertThat(created.path("sandbox").path("environment").asString()).isEqualTo("SANDBOX");
    String live = created.path("live_key").path("api_key").asString();
    String sandbox = created.path("sandbox_key").path("api_key").asString();
    assertThat(live).matches("avk_live_[0-9A-Za-z]{32}");
    assertThat(sandbox).matches("avk_test_[0-9A-Za-z]{32}");
    assertThat(created.path("live_key").path("prefix").asString()).isEqualTo(live.substring(0, 13));
    assertThat(created.path("sandbox_key").path("platform_id").asString())
        .isEqualTo(id + "_sandbox");
    assertThat(works(live)).isEqualTo(200);
    assertThat(works(sandbox)).isEqualTo(200);

    JsonNode read = http.get("/ops/platform/" + id, OPERATOR_KEY).json();
    assertThat(read.path("name").asString()).isEqualTo("Keys IT");
    assertThat(read.path("fees_payer").asString()).isEqualTo("AUTO");
    assertThat(read.path("environment").asString()).isEqualTo("LIVE");
    assertThat(read.path("sandbox").path("id").asString()).isEqualTo(id + "_sandbox");
    assertThat(read.has("live_key")).as("a key is shown once").isFalse();
    assertProblem(http.get("/ops/platform/" + id + "_sandbox", OPERATOR_KEY), 404, "not_found");

    long rows = platformRows();
    assertProblem(
        http.postJson("/ops/platforms", OPERATOR_KEY, "{\"id\":\"" + id + "\",\"name\":\"Again\"}"),
        409,
        "platform_exists");
    assertThat(platformRows()).isEqualTo(rows);
    assertThat(http.get("/ops/platform/" + id, OPERATOR_KEY).json().path("name").asString())
        .isEqualTo("Keys IT");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":\"Upper\",\"name\":\"x\"}",
        "{\"id\":\"a\",\"name\":\"x\"}",
        "{\"id\":\"-lead\",\"name\":\"x\"}",
        "{\"id\":\"under_score\",\"name\":\"x\"}",
        "{\"id\":\"abcdefghij-abcdefghij-abcdefghij-abcdefgh\",\"name\":\"x\"}",
        "{\"id\":\"ok-id\",\"name\":\"\"}",
        "{\"id\":\"ok-id\",\"name\":\"tab\\there\"}",
        "{\"id\":\"ok-id\"}",
        "{\"id\":\"ok-id\",\"name\":\"x\",\"api_key\":\"avk_live_mine\"}"
      })
  void hostileInputCreatesNothing(String body) {
    long rows = platformRows();

    assertProblem(http.postJson("/ops/platforms", OPERATOR_KEY, body), 400, "validation_failed");

    assertThat(platformRows()).isEqualTo(rows);
  }

  @Test
  void aNameIsBounded() {
    String body = "{\"id\":\"" + newId() + "\",\"name\":\"" + "n".repeat(101) + "\"}";

    assertProblem(http.postJson("/ops/platforms", OPERATOR_KEY, body), 400, "validation_failed");
  }

  @Test
  void aKeyRotatesWithoutDowntimeAndARevokedKeyIsRefused() {
    String id = newId();
    JsonNode created = create(id);
    String oldKey = created.path("live_key").path("api_key").asString();
    String oldKeyId = created.path("live_key").path("id").asString();

    Http.Response issued =
        http.postJson("/ops/platform/" + id + "/keys", OPERATOR_KEY, "{\"environment\":\"LIVE\"}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String newKey = issued.json().path("api_key").asString();
    assertThat(newKey).startsWith("avk_live_").isNotEqualTo(oldKey);
    // Both keys work during the rotation; a third is refused.
    assertThat(works(oldKey)).isEqualTo(200);
    assertThat(works(newKey)).isEqualTo(200);
    assertProblem(
        http.postJson("/ops/platform/" + id + "/keys", OPERATOR_KEY, "{\"environment\":\"LIVE\"}"),
        409,
        "key_limit_reached");
    // The sandbox has its own two.
    assertThat(
            http.postJson(
                    "/ops/platform/" + id + "/keys", OPERATOR_KEY, "{\"environment\":\"SANDBOX\"}")
                .status())
        .isEqualTo(201);

    Http.Response revoked =
        http.method("DELETE", "/ops/platform/" + id + "/key/" + oldKeyId, OPERATOR_KEY);
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.json().path("revoked_at").isNull()).isFalse();
    assertProblem(http.get("/borrowers", oldKey), 401, "unauthorized");
    assertThat(works(newKey)).isEqualTo(200);
    Http.Response again =
        http.method("DELETE", "/ops/platform/" + id + "/key/" + oldKeyId, OPERATOR_KEY);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("revoked_at")).isEqualTo(revoked.json().path("revoked_at"));
    assertThat(
            http.postJson(
                    "/ops/platform/" + id + "/keys", OPERATOR_KEY, "{\"environment\":\"LIVE\"}")
                .status())
        .as("a revoked key frees its place")
        .isEqualTo(201);

    // Another platform's key, or an unknown one, is not this platform's.
    String other = newId();
    String otherKeyId = create(other).path("live_key").path("id").asString();
    assertProblem(
        http.method("DELETE", "/ops/platform/" + id + "/key/" + otherKeyId, OPERATOR_KEY),
        404,
        "not_found");
    assertProblem(
        http.method("DELETE", "/ops/platform/" + id + "/key/nope", OPERATOR_KEY), 404, "not_found");
    assertProblem(
        http.postJson("/ops/platform/nobody/keys", OPERATOR_KEY, "{\"environment\":\"LIVE\"}"),
        404,
        "not_found");
    assertProblem(
        http.postJson("/ops/platform/" + id + "/keys", OPERATOR_KEY, "{\"environment\":\"TEST\"}"),
        400,
        "validation_failed");
  }

  @Test
  void theKeyListShowsEveryKeyButNeverAKey() {
    String id = newId();
    JsonNode created = create(id);
    String live = created.path("live_key").path("api_key").asString();
    String sandbox = created.path("sandbox_key").path("api_key").asString();
    works(live);

    Http.Response listed =
        http.get("/ops/platform/" + id + "/keys?sort_by=created_at:asc", OPERATOR_KEY);

    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonNode data = listed.json().path("data");
    assertThat(data).hasSize(2);
    List<String> environments = new ArrayList<>();
    data.forEach(k -> environments.add(k.path("environment").asString()));
    assertThat(environments).containsExactlyInAnyOrder("LIVE", "SANDBOX");
    assertThat(listed.body())
        .doesNotContain(live.substring(13))
        .doesNotContain(sandbox.substring(13))
        .doesNotContain(ApiKeys.hash(live))
        .doesNotContain("api_key");
    JsonNode liveKey = data.get(environments.indexOf("LIVE"));
    assertThat(liveKey.path("prefix").asString()).isEqualTo(live.substring(0, 13));
    assertThat(liveKey.path("last_used_at").isNull()).as("used once").isFalse();
    assertThat(liveKey.path("revoked_at").isNull()).isTrue();
    JsonNode firstPage = http.get("/ops/platform/" + id + "/keys?page_size=1", OPERATOR_KEY).json();
    assertThat(firstPage.path("data")).hasSize(1);
    assertThat(firstPage.path("next_page").isNull()).isFalse();
    assertProblem(http.get("/ops/platform/nobody/keys", OPERATOR_KEY), 404, "not_found");
    // A platform's key is not an operator's.
    assertProblem(http.get("/ops/platform/" + id + "/keys", live), 403, "forbidden");
    assertProblem(
        http.postJson("/ops/platforms", live, "{\"id\":\"" + newId() + "\",\"name\":\"x\"}"),
        403,
        "forbidden");
  }

  @Test
  void theAuditLogListsEveryActionWithoutASecret() {
    String id = newId();
    JsonNode created = create(id);
    String keyId =
        http.postJson(
                "/ops/platform/" + id + "/keys", OPERATOR_KEY, "{\"environment\":\"SANDBOX\"}")
            .json()
            .path("id")
            .asString();
    http.method("DELETE", "/ops/platform/" + id + "/key/" + keyId, OPERATOR_KEY);
    http.method("DELETE", "/ops/platform/" + id + "/key/" + keyId, OPERATOR_KEY);
    http.patch("/ops/platform/" + id, OPERATOR_KEY, "{\"fees_payer\":\"PLATFORM\"}");
    // Refused actions are not actions.
    http.postJson("/ops/platforms", OPERATOR_KEY, "{\"id\":\"" + id + "\",\"name\":\"Again\"}");

    List<JsonNode> entries = new ArrayList<>();
    String cursor = null;
    do {
      Http.Response page =
          http.get(
              "/ops/audit?platform_id="
                  + id
                  + "&sort_by=created_at:asc&page_size=2"
                  + (cursor == null ? "" : "&cursor=" + cursor),
              OPERATOR_KEY);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      assertThat(page.body())
          .doesNotContain(created.path("live_key").path("api_key").asString())
          .doesNotContain(created.path("sandbox_key").path("api_key").asString());
      page.json().path("data").forEach(entries::add);
      JsonNode next = page.json().path("next_page");
      cursor = next.isNull() ? null : next.asString();
    } while (cursor != null);

    assertThat(entries)
        .extracting(e -> e.path("action").asString())
        .containsExactly(
            "platform.create", "key.issue", "key.revoke", "key.revoke", "platform.update");
    assertThat(entries)
        .allSatisfy(e -> assertThat(e.path("actor").asString()).isEqualTo(FINGERPRINT));
    assertThat(entries).allSatisfy(e -> assertThat(e.path("platform_id").asString()).isEqualTo(id));
    assertThat(entries.get(1).path("target").asString()).isEqualTo(keyId);
    assertThat(entries.get(1).path("details").path("environment").asString()).isEqualTo("SANDBOX");
    assertThat(entries.get(4).path("details").path("fees_payer").asString()).isEqualTo("PLATFORM");
    assertThat(entries.get(0).path("details").path("live_key_id").asString())
        .isEqualTo(created.path("live_key").path("id").asString());
    // Newest first by default, over every platform.
    JsonNode newest = http.get("/ops/audit?page_size=1", OPERATOR_KEY).json().path("data").get(0);
    assertThat(newest.path("action").asString()).isEqualTo("platform.update");
    assertProblem(
        http.get("/ops/audit", created.path("live_key").path("api_key").asString()),
        403,
        "forbidden");
  }
}
