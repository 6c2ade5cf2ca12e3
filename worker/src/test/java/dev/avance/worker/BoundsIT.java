package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every number and date has bounds: an absurd amount, an invoice from another decade, a signature
 * from before 2000 or a representative born before 1900 is a 400 naming the field, and nothing is
 * stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundsIT extends EmbeddedApiTest {
  private static final String IBAN = "FR1420041010050500013M02606";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

  @LocalServerPort int port;
  Http http;
  String borrower;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
    borrower =
        http.postJson(
                "/borrowers",
                KEY_A,
                "{\"identifier\":\""
                    + Sirens.eligible()
                    + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}")
            .json()
            .path("id")
            .asString();
  }

  private Http.Response loan(long amount, long invoiceAmount, LocalDate issued, LocalDate due) {
    String salt = "bounds-" + UUID.randomUUID();
    return http.postJson(
        "/loans",
        KEY_A,
        """
        {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":%d,
         "invoice":{"number":"INV-%s","amount":%d,"issue_date":"%s","due_date":"%s",
                    "debtor":{"name":"Debtor SA","identifier":"732829320"}},
         "to_account":{"account_number":"%s"},
         "loan_to":{"account_number":"%s","bank_identifier":"PSSTFRPPPAR"},
         "to_pay_at":"%s","to_repay_at":"%s","salt_id":"%s"}
        """
            .formatted(
                borrower,
                amount,
                salt,
                invoiceAmount,
                issued,
                due,
                IBAN,
                IBAN,
                TODAY,
                TODAY.plusDays(30),
                salt));
  }

  private static void assertRefused(Http.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("errors").toString()).contains("\"field\":\"" + field + "\"");
  }

  @Test
  void absurdAmountsAreRefused() {
    assertRefused(loan(100_000_000_001L, 100_000_000_001L, TODAY, TODAY.plusDays(60)), "amount");
    assertRefused(loan(10_000, 100_000_000_001L, TODAY, TODAY.plusDays(60)), "invoice.amount");
  }

  @Test
  void invoiceDatesFarFromTodayAreRefused() {
    assertRefused(
        loan(10_000, 20_000, TODAY.minusYears(6), TODAY.plusDays(60)), "invoice.issue_date");
    assertRefused(loan(10_000, 20_000, TODAY, TODAY.plusYears(6)), "invoice.due_date");
    assertThat(loan(10_000, 20_000, TODAY.minusDays(10), TODAY.plusDays(50)).status())
        .isIn(200, 201);
  }

  @Test
  void aSignatureBefore2000AndARepresentativeBornBefore1900AreRefused() {
    Http.Response signed =
        http.postJson(
            "/borrowers",
            KEY_A,
            "{\"identifier\":\""
                + Sirens.eligible()
                + "\",\"signed_at\":\"1999-12-31T09:30:00Z\"}");
    assertRefused(signed, "signed_at");

    Http.Response method =
        http.postJson(
            "/borrower/" + borrower + "/repayment-methods",
            KEY_A,
            """
            {"payment_method":"DIRECT_DEBIT",
             "from_account":{"account_number":"%s","bank_identifier":"PSSTFRPPPAR"},
             "business_email":"cfo@acme.test",
             "legal_representative":{"birth_date":"1899-12-31","nationality":"FRA","country_of_residence":"FRA"}}
            """
                .formatted(IBAN));
    assertRefused(method, "legal_representative.birth_date");
  }
}
