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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Invariants 1, 3 and 4 under crashes: 100 loans through the real dev server while the app is
 * killed with SIGKILL twice and started again. Clients retry with the same salt_id, as platforms
 * do. Afterwards every loan is paid out once, and the credit line holds exactly their amounts.
 */
class LoanCrashE2E {
  private static final int LOANS = 100;
  private static final long AMOUNT = 100_000; // EUR 1,000
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
  void hundredLoansSurviveTwoSigkills() throws Exception {
    app = new AvanceProcess("crash");
    Process run = app.start("run-1", Map.of());
    app.awaitReady(run, "run-1");
    Http api = app.api();
    Http.Response borrower =
        api.postJson(
            "/borrowers",
            KEY,
            "{\"identifier\":\""
                + Sirens.rich()
                + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
    assertThat(borrower.json().path("status").asString()).as(borrower.body()).isEqualTo("READY");
    String borrowerId = borrower.json().path("id").asString();
    long available =
        api.get("/borrower/" + borrowerId + "/credit-line", KEY)
            .json()
            .path("available_amount")
            .asLong();
    assertThat(available).isGreaterThanOrEqualTo(LOANS * AMOUNT);

    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<String>> loans = new ArrayList<>();
    for (int i = 0; i < LOANS; i++) {
      String body =
          """
          {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":%d,
           "invoice":{"number":"CRASH-%d","amount":%d},
           "loan_to":{"account_number":"%s"},
           "to_pay_at":"%s","to_repay_at":"%s","auto_validate":true,"salt_id":"crash-%d"}
          """
              .formatted(borrowerId, AMOUNT, i, AMOUNT, IBAN, today, today.plusDays(30), i);
      loans.add(
          clients.submit(
              () -> {
                // A platform retries with the same salt_id until it gets an answer.
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
                while (System.nanoTime() < deadline) {
                  try {
                    Http.Response r = api.postJson("/loans", KEY, body);
                    if (r.status() == 201) {
                      accepted.incrementAndGet();
                      return r.json().path("id").asString();
                    }
                  } catch (IllegalStateException connectionLost) {
                    // The app is down: try again.
                  }
                  retries.incrementAndGet();
                  Thread.sleep(250);
                }
                throw new AssertionError("loan request never accepted");
              }));
    }

    await().atMost(Duration.ofMinutes(2)).until(() -> accepted.get() >= 30);
    AvanceProcess.kill(run);
    run = app.start("run-2", Map.of());
    app.awaitReady(run, "run-2");
    await().atMost(Duration.ofMinutes(2)).until(() -> accepted.get() >= 65);
    AvanceProcess.kill(run);
    run = app.start("run-3", Map.of());
    app.awaitReady(run, "run-3");

    List<String> ids = new ArrayList<>();
    for (Future<String> loan : loans) {
      ids.add(loan.get(4, TimeUnit.MINUTES));
    }
    clients.shutdown();
    assertThat(ids).doesNotHaveDuplicates().hasSize(LOANS);
    System.out.printf(
        "Crash E2E: %d loans accepted through 2 SIGKILLs, %d client retries%n",
        LOANS, retries.get());

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(api.get("/loans?status=TO_REPAY&page_size=100", KEY).json().path("data"))
                    .hasSize(LOANS));

    try (Connection db = DriverManager.getConnection(app.jdbcUrl());
        Statement sql = db.createStatement()) {
      assertThat(count(sql, "select count(*) from loans")).isEqualTo(LOANS);
      // The bank simulator's own books: one settled payout per loan, for its amount.
      assertThat(
              count(
                  sql,
                  "select count(*) from banksim.transactions"
                      + " where direction = 'OUT' and status = 'SETTLED'"))
          .isEqualTo(LOANS);
      assertThat(
              count(
                  sql,
                  "select coalesce(sum(t.amount_cents), 0) from banksim.transactions t"
                      + " join payments p on p.end_to_end_id = t.end_to_end_id"
                      + " where t.direction = 'OUT' and t.status = 'SETTLED'"
                      + " and p.type = 'PAYOUT' and p.status = 'PAID'"
                      + " and p.amount_cents = t.amount_cents"))
          .isEqualTo(LOANS * AMOUNT);
      assertThat(
              count(
                  sql,
                  "select count(*) from (select loan_id from payments where type = 'PAYOUT'"
                      + " group by loan_id having count(*) <> 1) odd"))
          .isZero();
      assertThat(count(sql, "select count(*) from banksim.transactions where direction = 'DEBIT'"))
          .isZero();
    }
    var line = api.get("/borrower/" + borrowerId + "/credit-line", KEY).json();
    assertThat(line.path("outstanding_amount").asLong()).isEqualTo(LOANS * AMOUNT);
    assertThat(line.path("pending_amount").asLong()).isZero();
    assertThat(line.path("available_amount").asLong())
        .isEqualTo(line.path("max_amount").asLong() - LOANS * AMOUNT);
    // After two SIGKILLs, the books agree with the bank, the loans and the line.
    app.assertBooksBalance();
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
