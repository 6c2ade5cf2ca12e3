package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.avance.activities.bank.EndToEndIds;
import dev.avance.bank.iso20022.AccountEntries;
import dev.avance.bank.iso20022.BankTransactionCode;
import dev.avance.bank.iso20022.CreditDebit;
import dev.avance.bank.iso20022.CreditTransferInitiation;
import dev.avance.bank.iso20022.DebitCreditNotification;
import dev.avance.bank.iso20022.EntryStatus;
import dev.avance.bank.iso20022.Iso20022;
import dev.avance.bank.iso20022.Party;
import dev.avance.bank.iso20022.Remittance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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

  /**
   * In production money enters only through the bank's files: a live payout leaves as a pain.001 in
   * the drop folder, nothing answers it but files written to the drop folder's {@code in/} (as the
   * bank's file transfer does), and the bank simulator is not even there.
   */
  @Test
  void moneyMovesOnlyThroughTheLiveBanksDropFolder() throws Exception {
    app = new AvanceProcess("production-bank");
    Process run =
        app.start(
            "run",
            Map.of(
                "SPRING_PROFILES_ACTIVE", "production",
                "AVANCE_DEMO_LIVE_API_KEY", LIVE_KEY,
                "AVANCE_BANK_RELAY_INTERVAL", "200ms"));
    app.awaitReady(run, "run");
    Http api = app.api();
    try (Connection db = DriverManager.getConnection(app.jdbcUrl());
        Statement sql = db.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "select count(*) from information_schema.schemata where schema_name = 'banksim'")) {
      rs.next();
      assertThat(rs.getLong(1)).as("the bank simulator never ran here").isZero();
    }
    Http.Response borrower =
        api.postJson(
            "/borrowers",
            LIVE_KEY,
            "{\"identifier\":\""
                + Sirens.rich()
                + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
    assertThat(borrower.json().path("status").asString()).as(borrower.body()).isEqualTo("READY");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    Http.Response loan =
        api.postJson(
            "/loans",
            LIVE_KEY,
            """
            {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":12345,
             "invoice":{"number":"PROD-1","amount":12345},
             "loan_to":{"account_number":"FR1420041010050500013M02606"},
             "to_pay_at":"%s","to_repay_at":"%s","auto_validate":true,"salt_id":"prod-1",
             "wait_for_validation":true}
            """
                .formatted(borrower.json().path("id").asString(), today, today.plusDays(20)));
    assertThat(loan.status()).as(loan.body()).isEqualTo(201);
    String loanId = loan.json().path("id").asString();

    Path out = app.home.resolve("bank/out");
    Path[] payoutFile = new Path[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(out).isDirectory();
              try (var files = Files.list(out)) {
                payoutFile[0] =
                    files
                        .filter(f -> f.getFileName().toString().startsWith("pain.001"))
                        .findFirst()
                        .orElse(null);
              }
              assertThat(payoutFile[0]).isNotNull();
            });
    CreditTransferInitiation pain001 =
        (CreditTransferInitiation) Iso20022.read(Files.readAllBytes(payoutFile[0]));
    String e2e = EndToEndIds.of(loanId + ":payout");
    assertThat(pain001.transfers())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.endToEndId()).isEqualTo(e2e);
              assertThat(t.amountCents()).isEqualTo(12_345);
            });
    Thread.sleep(1_000);
    assertThat(api.get("/loan/" + loanId, LIVE_KEY).json().path("status").asString())
        .as("nothing but the bank's file pays a loan out")
        .isEqualTo("INITIATED");

    Path in = app.home.resolve("bank/in");
    drop(in, "camt054-payout.xml", booking(e2e, CreditDebit.DBIT, pain001.debtor().iban(), null));
    awaitLoan(api, loanId, "TO_REPAY");
    drop(
        in, "garbage.xml", "<Document>not a bank file</Document>".getBytes(StandardCharsets.UTF_8));
    JsonNode details = api.get("/loan/" + loanId + "/repayment-details", LIVE_KEY).json();
    drop(
        in,
        "camt054-credit.xml",
        booking(
            null,
            CreditDebit.CRDT,
            details.path("account_number").asString(),
            Remittance.reference(details.path("reference").asString())));
    awaitLoan(api, loanId, "CLOSED");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(in.resolve("processed/camt054-payout.xml")).exists();
              assertThat(in.resolve("processed/camt054-credit.xml")).exists();
              assertThat(in.resolve("rejected/garbage.xml")).exists();
              assertThat(in.resolve("rejected/garbage.xml.error.txt")).exists();
            });
  }

  private static void awaitLoan(Http api, String loanId, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(api.get("/loan/" + loanId, LIVE_KEY).json().path("status").asString())
                    .isEqualTo(status));
  }

  /** As a file transfer does: written beside, then renamed into the folder. */
  private static void drop(Path in, String name, byte[] xml) throws Exception {
    Files.createDirectories(in);
    Path tmp = in.resolve("." + name + ".part");
    Files.write(tmp, xml);
    Files.move(tmp, in.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static byte[] booking(
      String endToEndId, CreditDebit direction, String account, Remittance remittance) {
    String reference = "PRODBK" + System.nanoTime();
    return Iso20022.write(
        new DebitCreditNotification(
            "PRODN" + System.nanoTime(),
            Instant.now(),
            List.of(
                new AccountEntries(
                    "NTF1",
                    account,
                    List.of(
                        new AccountEntries.Entry(
                            reference,
                            12_345,
                            "EUR",
                            direction,
                            false,
                            EntryStatus.BOOK,
                            LocalDate.now(ZoneId.of("Europe/Paris")),
                            null,
                            reference,
                            endToEndId == null
                                ? BankTransactionCode.RECEIVED_CREDIT_TRANSFER
                                : BankTransactionCode.ISSUED_CREDIT_TRANSFER,
                            List.of(
                                new AccountEntries.EntryDetail(
                                    endToEndId == null ? "NOTPROVIDED" : endToEndId,
                                    reference,
                                    12_345,
                                    new Party("Acme SAS", "FR1420041010050500013M02606", null),
                                    remittance,
                                    null,
                                    null))))))));
  }
}
