package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A loan's contract over HTTP: issued when the loan is validated, listed, the same bytes on every
 * request, and mailed to the borrower through the embedded mode's mail sink.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsIT extends EmbeddedApiTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
  private static final String IBAN = "FR1420041010050500013M02606";

  @LocalServerPort int port;
  Http http;
  String borrower;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
    Http.Response r =
        http.postJson(
            "/borrowers",
            KEY_A,
            "{\"identifier\":\""
                + Sirens.next("00")
                + "\",\"name\":\"Société Générale des Façades Müller\","
                + "\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
    assertThat(r.json().path("status").asString()).as(r.body()).isEqualTo("READY");
    borrower = r.json().path("id").asString();
    Http.Response sdd =
        http.postJson(
            "/borrower/" + borrower + "/repayment-methods", KEY_A, Bodies.sddMethod(IBAN));
    assertThat(sdd.status()).as(sdd.body()).isEqualTo(201);
  }

  @Test
  void aValidatedLoanHasItsContractAsAPdfMailedToTheBorrower() throws Exception {
    String salt = "doc-" + System.nanoTime();
    Http.Response created =
        http.postJson(
            "/loans",
            KEY_A,
            """
            {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":123456,
             "invoice":{"number":"F-%s","amount":150000,"issue_date":"%s","due_date":"%s",
                        "debtor":{"name":"Débiteur Ñúñez SL","identifier":"732829320"}},
             "to_account":{"account_number":"%s"},
             "loan_to":{"account_number":"%s","bank_identifier":"PSSTFRPPPAR"},
             "to_pay_at":"%s","to_repay_at":"%s","auto_validate":true,"salt_id":"%s",
             "wait_for_validation":true}
            """
                .formatted(
                    borrower,
                    salt,
                    TODAY.minusDays(2),
                    TODAY.plusDays(60),
                    IBAN,
                    IBAN,
                    TODAY,
                    TODAY.plusDays(30),
                    salt));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String loan = created.json().path("id").asString();
    String reference = created.json().path("repayment_reference").asString();

    JsonNode[] listed = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              listed[0] = http.get("/loan/" + loan + "/documents", KEY_A).json().path("data");
              assertThat(listed[0]).hasSize(1);
              assertThat(listed[0].get(0).path("delivery_status").asString()).isEqualTo("SENT");
            });
    JsonNode contract = listed[0].get(0);
    assertThat(contract.path("kind").asString()).isEqualTo("LOAN_CONTRACT");
    assertThat(contract.path("content_type").asString()).isEqualTo("application/pdf");
    String url = contract.path("url").asString();
    assertThat(url).isEqualTo("/loan/" + loan + "/documents/" + contract.path("id").asString());

    Http.Bytes first = http.getBytes(url, KEY_A);
    Http.Bytes again = http.getBytes(url, KEY_A);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).startsWith("application/pdf");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first.body())))
        .isEqualTo(contract.path("sha256").asString());
    assertThat(Pdfs.text(first.body()))
        .contains("Société Générale des Façades Müller", "Débiteur Ñúñez SL")
        .contains("1 234,56 €", TODAY.toString(), TODAY.plusDays(30).toString())
        .contains(IBAN, reference, "0.05%", "18,52 €");
    assertThat(http.get("/loan/" + loan + "/events", KEY_A).json().path("data"))
        .extracting(e -> e.path("event_type").asString())
        .containsOnlyOnce("loan.CONTRACT_AVAILABLE");

    // Another platform's key finds neither the list nor the document.
    assertThat(http.get("/loan/" + loan + "/documents", KEY_B).status()).isEqualTo(404);
    assertThat(http.getBytes(url, KEY_B).status()).isEqualTo(404);
    assertThat(http.get("/loan/" + loan + "/documents/doc_nope", KEY_A).status()).isEqualTo(404);

    // The mail, as the embedded mode's sink received it, with the same PDF attached.
    JsonNode mails = http.get("/ops/mail", OPERATOR_KEY).json().path("data");
    JsonNode mail = null;
    for (JsonNode m : mails) {
      if (m.path("subject").asString().contains(loan)) {
        mail = m;
      }
    }
    assertThat(mail).as(mails.toString()).isNotNull();
    assertThat(mail.path("to").get(0).asString()).isEqualTo("cfo@acme.test");
    assertThat(mail.path("attachments").get(0).asString()).isEqualTo("contract-" + loan + ".pdf");
    Http.Bytes attached =
        http.getBytes("/ops/mail/" + mail.path("index").asInt() + "/attachment/0", OPERATOR_KEY);
    assertThat(attached.body()).isEqualTo(first.body());
    assertThat(http.get("/ops/mail", KEY_A).status()).isEqualTo(403);
  }

  @Test
  void theStatementAgreesWithTheLedger() {
    String salt = "stmt-" + System.nanoTime();
    Http.Response created =
        http.postJson(
            "/loans",
            KEY_A,
            """
            {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":40000,
             "invoice":{"number":"S-%s","amount":50000,"issue_date":"%s","due_date":"%s",
                        "debtor":{"name":"Debtor SA","identifier":"732829320"}},
             "to_account":{"account_number":"%s"},
             "loan_to":{"account_number":"%s","bank_identifier":"PSSTFRPPPAR"},
             "to_pay_at":"%s","to_repay_at":"%s","auto_validate":true,"salt_id":"%s",
             "wait_for_validation":true}
            """
                .formatted(
                    borrower,
                    salt,
                    TODAY.minusDays(2),
                    TODAY.plusDays(60),
                    IBAN,
                    IBAN,
                    TODAY,
                    TODAY.plusDays(20),
                    salt));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String loan = created.json().path("id").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> http.get("/loan/" + loan, KEY_A).json().path("status").asString(),
            "TO_REPAY"::equals);

    JsonNode statement =
        http.get("/borrower/" + borrower + "/statement?from=" + TODAY + "&to=" + TODAY, KEY_A)
            .json();
    long ledgerPrincipal = 0;
    for (String id : loansOf(statement)) {
      for (JsonNode entry :
          http.get("/loan/" + id + "/ledger?page_size=100", KEY_A).json().path("data")) {
        for (JsonNode line : entry.path("lines")) {
          if (line.path("account").asString().equals("loan:" + id + ":PRINCIPAL")) {
            ledgerPrincipal += line.path("amount").asLong();
          }
        }
      }
    }
    assertThat(statement.path("closing").path("principal").asLong())
        .isEqualTo(ledgerPrincipal)
        .isGreaterThanOrEqualTo(40_000);
    assertThat(statement.path("totals").path("paid_out").asLong()).isGreaterThanOrEqualTo(40_000);
    assertThat(statement.path("movements"))
        .anySatisfy(
            m -> {
              assertThat(m.path("loan_id").asString()).isEqualTo(loan);
              assertThat(m.path("entry_kind").asString()).isEqualTo("PAYOUT_BOOKED");
              assertThat(m.path("principal").asLong()).isEqualTo(40_000);
            });
    Http.Response csv =
        http.get(
            "/borrower/" + borrower + "/statement?from=" + TODAY + "&to=" + TODAY,
            KEY_A,
            "text/csv");
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] rows = csv.body().split("\\r\\n");
    assertThat(rows[rows.length - 1])
        .startsWith("CLOSING," + TODAY + ",,," + ledgerPrincipal + ",");
    assertThat(csv.body()).contains("MOVEMENT," + TODAY + "," + loan + ",PAYOUT_BOOKED,40000,");
    assertThat(
            http.get(
                    "/borrower/"
                        + borrower
                        + "/statement?from="
                        + TODAY
                        + "&to="
                        + TODAY.minusDays(1),
                    KEY_A)
                .status())
        .isEqualTo(400);
    assertThat(http.get("/borrower/" + borrower + "/statement", KEY_B).status()).isEqualTo(404);
  }

  private static java.util.List<String> loansOf(JsonNode statement) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    statement.path("loans").forEach(l -> ids.add(l.path("id").asString()));
    return ids;
  }

  @Test
  void theCurrentTermsHaveAPdfAndSigningRecordsTheirVersionAndLanguage() throws Exception {
    JsonNode terms = http.get("/terms?country=ESP", KEY_A).json();
    assertThat(terms.path("language").asString()).isEqualTo("es");
    assertThat(terms.path("version").asString()).isEqualTo("2026-01");
    assertThat(terms.path("languages").toString()).isEqualTo("[\"es\",\"en\"]");
    Http.Bytes pdf = http.getBytes(terms.path("url").asString(), KEY_A);
    assertThat(pdf.contentType()).startsWith("application/pdf");
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.body())))
        .isEqualTo(terms.path("sha256").asString());
    assertThat(Pdfs.text(pdf.body())).contains("Condiciones generales", "2026-01");
    assertThat(http.get("/terms?country=ESP&language=de", KEY_A).status()).isEqualTo(400);

    Http.Response created =
        http.postJson("/borrowers", KEY_A, "{\"identifier\":\"" + Sirens.next("00") + "\"}");
    String id = created.json().path("id").asString();
    Http.Response wrong =
        http.postJson(
            "/borrower/" + id + "/sign",
            KEY_A,
            "{\"signed_at\":\"2026-01-15T09:30:00Z\",\"terms_version\":\"1999-01\"}");
    assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
    Http.Response signed =
        http.postJson(
            "/borrower/" + id + "/sign",
            KEY_A,
            "{\"signed_at\":\"2026-01-15T09:30:00Z\",\"language\":\"en\",\"wait_for_ready\":true}");
    assertThat(signed.status()).as(signed.body()).isEqualTo(200);
    assertThat(signed.json().path("terms_version").asString()).isEqualTo("2026-01");
    assertThat(signed.json().path("language").asString()).isEqualTo("en");
    // Signed with its creation: the current version in the country's language.
    assertThat(http.get("/borrower/" + borrower, KEY_A).json().path("language").asString())
        .isEqualTo("fr");
  }
}
