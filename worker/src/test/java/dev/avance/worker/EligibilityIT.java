package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /borrower/{id}/eligibility}: whether to show "Cash in now", and why not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EligibilityIT extends EmbeddedApiTest {
  @LocalServerPort int port;
  Http http;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
  }

  private static List<String> codes(JsonNode eligibility) {
    List<String> codes = new ArrayList<>();
    eligibility.path("reasons").forEach(r -> codes.add(r.path("code").asString()));
    return codes;
  }

  @Test
  void anUnsignedBorrowerCannotRequestALoanAndIsToldEveryReason() {
    String id =
        http.postJson("/borrowers", KEY_A, "{\"identifier\":\"" + Sirens.eligible() + "\"}")
            .json()
            .path("id")
            .asString();

    Http.Response r = http.get("/borrower/" + id + "/eligibility", KEY_A);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("can_request_loan").asBoolean()).isFalse();
    assertThat(codes(r.json())).containsExactly("BORROWER_TO_SIGN", "MISSING_DATA");
    assertThat(r.json().path("reasons").get(0).path("description").asString()).isNotBlank();
    assertThat(r.json().path("maximum_amount").asLong()).isZero();
  }

  @Test
  void aSignedBorrowerCanRequestUpToItsAvailableAmountAndALoanOfItIsAccepted() {
    Http.Response created =
        http.postJson(
            "/borrowers",
            KEY_A,
            "{\"identifier\":\""
                + Sirens.eligible()
                + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
    String id = created.json().path("id").asString();
    JsonNode line = http.get("/borrower/" + id + "/credit-line", KEY_A).json();

    JsonNode eligibility = http.get("/borrower/" + id + "/eligibility", KEY_A).json();

    assertThat(eligibility.path("can_request_loan").asBoolean())
        .as(eligibility.toString())
        .isTrue();
    assertThat(codes(eligibility)).isEmpty();
    assertThat(eligibility.path("minimum_amount").asLong()).isEqualTo(1);
    assertThat(eligibility.path("maximum_amount").asLong())
        .isPositive()
        .isEqualTo(
            Math.min(
                line.path("available_amount").asLong(), line.path("max_amount_per_loan").asLong()));
  }

  @Test
  void anotherPlatformsBorrowerAnswersLikeAMissingOne() {
    String id =
        http.postJson("/borrowers", KEY_A, "{\"identifier\":\"" + Sirens.eligible() + "\"}")
            .json()
            .path("id")
            .asString();

    Http.Response other = http.get("/borrower/" + id + "/eligibility", KEY_B);
    Http.Response missing = http.get("/borrower/brw_missing/eligibility", KEY_B);

    assertThat(other.status()).isEqualTo(404);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(other.json().path("code").asString())
        .isEqualTo(missing.json().path("code").asString());
  }
}
