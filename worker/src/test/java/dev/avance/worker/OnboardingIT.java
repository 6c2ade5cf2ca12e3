package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The guide's onboarding over HTTP against the real dev server: create, sign, SDD method, credit
 * line; refusals for each eligibility reason; repayment methods and financial data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingIT extends EmbeddedApiTest {
  @LocalServerPort int port;
  Http http;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
  }

  private static final String SDD =
      """
      {"payment_method":"DIRECT_DEBIT",
       "from_account":{"account_number":"FR14 2004 1010 0505 0001 3M02 606","bank_identifier":"PSSTFRPPPAR"},
       "business_email":"cfo@acme.test",
       "legal_representative":{"birth_date":"1980-05-17","nationality":"FRA","country_of_residence":"FRA"},
       "is_default_repayment_method":true,"apply_to_all_active_loans":true}
      """;

  @Test
  void createSignSddAndACreditLine() {
    Http.Response created =
        http.postJson(
            "/borrowers",
            KEY_A,
            "{\"identifier\":\"" + Sirens.eligible() + "\",\"wait_for_ready\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode borrower = created.json();
    String id = borrower.path("id").asString();
    assertThat(borrower.path("status").asString()).isEqualTo("TO_SIGN");
    assertThat(borrower.path("legal_form").asString()).isEqualTo("SAS");
    String virtualIban = borrower.path("repayment_account").path("account_number").asString();
    assertThat(virtualIban).startsWith("FR76");
    assertThat(http.get("/borrower/" + id + "/credit-line", KEY_A).status()).isEqualTo(404);

    Http.Response signed =
        http.postJson(
            "/borrower/" + id + "/sign",
            KEY_A,
            "{\"signed_at\":\"2026-01-15T09:30:00+01:00\",\"wait_for_ready\":true}");
    assertThat(signed.status()).as(signed.body()).isEqualTo(200);
    assertThat(signed.json().path("status").asString()).isEqualTo("READY");
    assertThat(signed.json().path("signed_at").asString()).isEqualTo("2026-01-15T08:30:00Z");

    Http.Response method = http.postJson("/borrower/" + id + "/repayment-methods", KEY_A, SDD);
    assertThat(method.status()).as(method.body()).isEqualTo(201);
    JsonNode m = method.json();
    assertThat(m.path("payment_method").asString()).isEqualTo("DIRECT_DEBIT");
    assertThat(m.path("is_main").asBoolean()).isTrue();
    assertThat(m.path("account_to_debit").path("account_number").asString())
        .isEqualTo("FR1420041010050500013M02606");
    assertThat(m.path("mandate").path("reference").asString()).startsWith("AVANCE-");
    assertThat(m.path("mandate").path("signed_at").isNull()).isFalse();

    Http.Response sct =
        http.postJson(
            "/borrower/" + id + "/repayment-methods",
            KEY_A,
            "{\"payment_method\":\"SCT\",\"is_default_repayment_method\":true}");
    assertThat(sct.status()).as(sct.body()).isEqualTo(201);
    assertThat(sct.json().path("account_to_credit").path("account_number").asString())
        .isEqualTo(virtualIban);
    JsonNode methods =
        http.get("/borrower/" + id + "/repayment-methods", KEY_A).json().path("data");
    assertThat(methods).hasSize(2);
    assertThat(methods.get(0).path("is_main").asBoolean()).isFalse();
    assertThat(methods.get(1).path("is_main").asBoolean()).isTrue();

    JsonNode line = http.get("/borrower/" + id + "/credit-line", KEY_A).json();
    assertThat(line.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(line.path("max_amount").asLong()).isPositive();
    assertThat(line.path("available_amount").asLong()).isEqualTo(line.path("max_amount").asLong());
    assertThat(line.path("outstanding_amount").asLong()).isZero();
    assertThat(line.path("fees_daily_rate").decimalValue()).isEqualByComparingTo("0.05");
    assertThat(http.get("/credit-lines?borrower=" + id, KEY_A).json().path("data")).hasSize(1);
    assertThat(http.get("/credit-lines?borrower=" + id, KEY_B).json().path("data")).isEmpty();
    assertThat(http.get("/borrower/" + id + "/credit-line", KEY_B).status()).isEqualTo(404);

    Http.Response raised =
        http.postJson(
            "/borrower/" + id + "/financial-data",
            KEY_A,
            "{\"annual_revenue\":2000000000,\"accounting_data_provided\":true}");
    assertThat(raised.status()).as(raised.body()).isEqualTo(200);
    assertThat(raised.json().path("max_amount").asLong())
        .isGreaterThan(line.path("max_amount").asLong());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "90, INSOLVENT",
    "91, STRUCK_OFF",
    "92, NOT_COMMERCIAL_COMPANY",
    "93, COMPANY_TOO_YOUNG",
    "94, COMPANY_NOT_FOUND"
  })
  void ineligibleCompaniesAreRefused(String scenario, String reason) {
    Http.Response created =
        http.postJson(
            "/borrowers",
            KEY_A,
            "{\"identifier\":\"" + Sirens.next(scenario) + "\",\"wait_for_ready\":true}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("status").asString()).isEqualTo("REFUSED");
    assertThat(created.json().path("status_reason").asString()).isEqualTo(reason);
    String id = created.json().path("id").asString();
    Http.Response sign =
        http.postJson(
            "/borrower/" + id + "/sign", KEY_A, "{\"signed_at\":\"2026-01-15T09:30:00Z\"}");
    assertThat(sign.status()).as(sign.body()).isEqualTo(409);
    assertThat(sign.json().path("code").asString()).isEqualTo("invalid_state");
  }

  @Test
  void theSandboxDecidesWhetherACompanyIsEligible() {
    String eligibleByDefault = Sirens.eligible();
    String insolventByDefault = Sirens.next("90");
    assertThat(
            http.postJson(
                    "/sandbox/company-eligibility",
                    KEY_A,
                    "{\"identifier\":\"" + eligibleByDefault + "\",\"scenario\":\"STRUCK_OFF\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            http.postJson(
                    "/sandbox/company-eligibility",
                    KEY_A,
                    "{\"identifier\":\"" + insolventByDefault + "\",\"scenario\":\"ELIGIBLE\"}")
                .status())
        .isEqualTo(200);

    JsonNode refused =
        http.postJson(
                "/borrowers",
                KEY_A,
                "{\"identifier\":\"" + eligibleByDefault + "\",\"wait_for_ready\":true}")
            .json();
    JsonNode accepted =
        http.postJson(
                "/borrowers",
                KEY_A,
                "{\"identifier\":\"" + insolventByDefault + "\",\"wait_for_ready\":true}")
            .json();

    assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
    assertThat(refused.path("status_reason").asString()).isEqualTo("STRUCK_OFF");
    assertThat(accepted.path("status").asString()).isEqualTo("TO_SIGN");
    assertThat(
            http.postJson(
                    "/sandbox/company-eligibility",
                    KEY_A,
                    "{\"identifier\":\"123\",\"scenario\":\"ELIGIBLE\"}")
                .status())
        .isEqualTo(400);
  }

  @Test
  void anSddMethodNeedsEveryMandateFieldAndValidAccounts() {
    String id =
        http.postJson("/borrowers", KEY_A, "{\"identifier\":\"" + Sirens.eligible() + "\"}")
            .json()
            .path("id")
            .asString();

    Http.Response r =
        http.postJson(
            "/borrower/" + id + "/repayment-methods",
            KEY_A,
            """
            {"payment_method":"DIRECT_DEBIT",
             "from_account":{"account_number":"FR1420041010050500013M02607","bank_identifier":"PSST"},
             "legal_representative":{"birth_date":"2015-01-01","nationality":"XXX"}}
            """);

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("errors"))
        .extracting(e -> e.path("field").asString() + ":" + e.path("code").asString())
        .containsExactlyInAnyOrder(
            "from_account.account_number:invalid_iban",
            "from_account.bank_identifier:invalid_bic",
            "business_email:required",
            "legal_representative.birth_date:invalid_value",
            "legal_representative.nationality:invalid_value",
            "legal_representative.country_of_residence:required");
    assertThat(http.get("/borrower/" + id + "/repayment-methods", KEY_A).json().path("data"))
        .isEmpty();
  }

  @Test
  void signingNeedsADateNotInTheFuture() {
    String id =
        http.postJson("/borrowers", KEY_A, "{\"identifier\":\"" + Sirens.eligible() + "\"}")
            .json()
            .path("id")
            .asString();

    assertThat(http.postJson("/borrower/" + id + "/sign", KEY_A, "{}").status()).isEqualTo(400);
    Http.Response future =
        http.postJson(
            "/borrower/" + id + "/sign", KEY_A, "{\"signed_at\":\"2999-01-01T00:00:00Z\"}");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().path("errors").get(0).path("field").asString()).isEqualTo("signed_at");
    assertThat(http.get("/borrower/" + id, KEY_A).json().path("signed_at").isNull()).isTrue();
  }
}
