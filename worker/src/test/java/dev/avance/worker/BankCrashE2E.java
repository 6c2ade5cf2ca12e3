package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The crash that matters with a real bank: the bank accepted a file and Avance never learned it.
 * The bank simulator's fault point kills the app with SIGKILL right after it committed a file and
 * before it answered the sender: once on the 4th payout file, once on the 3rd direct-debit file.
 * Avance resends what it had not marked sent; the bank takes each message id and each EndToEndId
 * once. Afterwards every loan is paid out and collected exactly once, and the amounts agree: what
 * the bank settled is what Avance paid out and applied, loan by loan.
 */
class BankCrashE2E {
  private static final int LOANS = 10;
  private static final long AMOUNT = 50_000;
  private static final String KEY = AvanceProcess.KEY;
  private static final String IBAN = "FR1420041010050500013M02606";

  private AvanceProcess app;

  @AfterEach
  void tearDown() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void filesTheBankTookBeforeAvanceCommittedAreSettledOnce() throws Exception {
    app = new AvanceProcess("bank-crash");
    // Debits settle seconds after they reach the bank, not on their business day.
    Map<String, String> fast = Map.of("AVANCE_BANKSIM_DATED_DELAY", "2s");
    Process run = app.start("run-1", with(fast, "AVANCE_BANKSIM_KILL_AFTER_ACCEPT", "pain.001:4"));
    app.awaitReady(run, "run-1");
    Http api = app.api();
    String borrower = readyBorrowerWithMandate(api);

    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    ExecutorService clients = Executors.newFixedThreadPool(3);
    List<Future<String>> loans = new ArrayList<>();
    long expected = 0;
    for (int i = 0; i < LOANS; i++) {
      long amount = AMOUNT + i;
      expected += amount;
      // Due tomorrow: the direct debit is instructed as soon as the payout settles.
      String body =
          """
          {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":%d,
           "invoice":{"number":"BANK-CRASH-%d","amount":%d},
           "loan_to":{"account_number":"%s"},
           "to_pay_at":"%s","to_repay_at":"%s","auto_validate":true,"salt_id":"bank-crash-%d"}
          """
              .formatted(borrower, amount, i, amount, IBAN, today, today.plusDays(1), i);
      loans.add(clients.submit(() -> requestUntilAccepted(api, body)));
    }

    // The fault point kills the app by itself: the 4th payout file is the bank's, not Avance's.
    assertThat(run.waitFor(3, TimeUnit.MINUTES)).as("the fault point fired").isTrue();
    assertThat(run.exitValue()).isEqualTo(137);
    assertThat(app.log("run-1")).contains("fault point");

    run = app.start("run-2", with(fast, "AVANCE_BANKSIM_KILL_AFTER_ACCEPT", "pain.008:3"));
    assertThat(run.waitFor(3, TimeUnit.MINUTES)).as("the fault point fired").isTrue();
    assertThat(run.exitValue()).isEqualTo(137);

    run = app.start("run-3", fast);
    app.awaitReady(run, "run-3");
    List<String> ids = new ArrayList<>();
    for (Future<String> loan : loans) {
      ids.add(loan.get(4, TimeUnit.MINUTES));
    }
    clients.shutdown();
    assertThat(ids).doesNotHaveDuplicates().hasSize(LOANS);

    // Repaid by their direct debits, they wait for their interest (and for a return).
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(
                        api.get("/loans?status=TO_REPAY_FEES&page_size=100", KEY)
                            .json()
                            .path("data"))
                    .hasSize(LOANS));

    try (Connection db = DriverManager.getConnection(app.jdbcUrl());
        Statement sql = db.createStatement()) {
      // What the bank settled, once per EndToEndId...
      assertThat(number(sql, "select count(*) from banksim.transactions where direction = 'OUT'"))
          .isEqualTo(LOANS);
      assertThat(
              number(
                  sql,
                  "select coalesce(sum(amount_cents), 0) from banksim.transactions"
                      + " where direction = 'OUT' and status = 'SETTLED'"))
          .isEqualTo(expected);
      assertThat(
              number(
                  sql,
                  "select coalesce(sum(amount_cents), 0) from banksim.transactions"
                      + " where direction = 'DEBIT' and status = 'SETTLED'"))
          .isEqualTo(expected);
      // ...is what Avance paid out and applied, in total...
      assertThat(
              number(
                  sql,
                  "select coalesce(sum(amount_cents), 0) from loans where paid_at is not null"))
          .isEqualTo(expected);
      assertThat(
              number(
                  sql,
                  "select coalesce(sum(amount_cents), 0) from credit_repayments"
                      + " where repayment_key like '%:debit:%'"))
          .isEqualTo(expected);
      // ...and payment by payment: each of Avance's payments matches one settled at the bank,
      // with its amount, and none is missing on either side.
      assertThat(
              number(
                  sql,
                  """
                  select count(*) from payments p
                  full join banksim.transactions t on t.end_to_end_id = p.end_to_end_id
                  where p.type in ('PAYOUT', 'DIRECT_DEBIT')
                     or t.direction in ('OUT', 'DEBIT')
                  having bool_and(p.status = 'PAID' and t.status = 'SETTLED'
                                  and p.amount_cents = t.amount_cents)
                  """))
          .isEqualTo(2L * LOANS);
      // The bank's books balance.
      assertThat(number(sql, "select coalesce(sum(amount_cents), 0) from banksim.postings"))
          .isZero();
    }
    var line = api.get("/borrower/" + borrower + "/credit-line", KEY).json();
    assertThat(line.path("outstanding_amount").asLong()).isZero();
    assertThat(line.path("pending_amount").asLong()).isZero();
    // After two crashes and three starts, the books agree with the bank, the loans and the line.
    app.assertBooksBalance();
  }

  private static String readyBorrowerWithMandate(Http api) {
    Http.Response borrower =
        api.postJson(
            "/borrowers",
            KEY,
            "{\"identifier\":\""
                + Sirens.rich()
                + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
    assertThat(borrower.json().path("status").asString()).as(borrower.body()).isEqualTo("READY");
    String id = borrower.json().path("id").asString();
    Http.Response sdd =
        api.postJson("/borrower/" + id + "/repayment-methods", KEY, Bodies.sddMethod(IBAN));
    assertThat(sdd.status()).as(sdd.body()).isEqualTo(201);
    return id;
  }

  /** A platform retries with the same salt_id until it gets an answer, across the crashes. */
  private static String requestUntilAccepted(Http api, String body) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
    while (System.nanoTime() < deadline) {
      try {
        Http.Response r = api.postJson("/loans", KEY, body);
        if (r.status() == 201) {
          return r.json().path("id").asString();
        }
      } catch (IllegalStateException connectionLost) {
        // The app is down: try again.
      }
      Thread.sleep(250);
    }
    throw new AssertionError("loan request never accepted");
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put(key, value);
    return all;
  }

  private static long number(Statement sql, String query) throws SQLException {
    try (ResultSet rs = sql.executeQuery(query)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
