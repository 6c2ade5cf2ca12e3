package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
 * The packaged jar in external mode, with the Temporal dev server and PostgreSQL run by the test so
 * that it can restart them (same SQLite file, same data folder) in the middle of a run of loans:
 * nothing lost, nothing paid twice, everything finishes.
 */
class FaultsE2E {
  private static final int LOANS = 40;
  private static final long AMOUNT = 100_000;
  private static final String KEY = AvanceProcess.KEY;
  private static final String IBAN = "FR1420041010050500013M02606";

  private AvanceProcess app;
  private Process temporal;
  private EmbeddedPostgres postgres;
  private int temporalPort;
  private int pgPort;
  private Path dataDir;

  @AfterEach
  void tearDown() throws IOException {
    if (app != null) {
      app.close();
    }
    if (temporal != null) {
      temporal.destroyForcibly();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private void startTemporal() throws Exception {
    String cli = System.getProperty("temporal.cli");
    temporal =
        new ProcessBuilder(
                cli,
                "server",
                "start-dev",
                "--ip",
                "127.0.0.1",
                "--port",
                Integer.toString(temporalPort),
                "--headless",
                "--db-filename",
                dataDir.resolve("temporal.db").toString(),
                "--log-level",
                "warn")
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("temporal.log").toFile()))
            .start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", temporalPort), 500);
                return true;
              } catch (IOException notYet) {
                return false;
              }
            });
  }

  private void startPostgres() throws IOException {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.resolve("pg"))
            .setCleanDataDirectory(false)
            .setPort(pgPort)
            .start();
  }

  @Test
  void loansFinishThroughRestartsOfTemporalAndPostgres() throws Exception {
    app = new AvanceProcess("faults");
    dataDir = app.home;
    temporalPort = Ports.free();
    pgPort = Ports.free();
    startTemporal();
    startPostgres();
    Process run =
        app.start(
            "run",
            Map.of(
                "AVANCE_MODE", "external",
                "TEMPORAL_ADDRESS", "127.0.0.1:" + temporalPort,
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "",
                "AVANCE_DEMO_ENABLED", "true",
                "AVANCE_SECRETS_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "AVANCE_PAYLOAD_KEYS", "faults:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
    app.awaitReady(run, "run");
    Http api = app.api();
    String borrowerId =
        api.postJson(
                "/borrowers",
                KEY,
                "{\"identifier\":\""
                    + Sirens.rich()
                    + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}")
            .json()
            .path("id")
            .asString();

    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger unavailable = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<String>> loans = new ArrayList<>();
    for (int i = 0; i < LOANS; i++) {
      String body =
          """
          {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":%d,
           "invoice":{"number":"FAULT-%d","amount":%d},"loan_to":{"account_number":"%s"},
           "to_pay_at":"%s","to_repay_at":"%s","salt_id":"fault-%d"}
          """
              .formatted(borrowerId, AMOUNT, i, AMOUNT, IBAN, today, today.plusDays(30), i);
      loans.add(
          clients.submit(
              () -> {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
                while (System.nanoTime() < deadline) {
                  try {
                    Http.Response r = api.postJson("/loans", KEY, body);
                    if (r.status() == 201) {
                      accepted.incrementAndGet();
                      return r.json().path("id").asString();
                    }
                    // 503 while a dependency is down: never a 4xx, never silence.
                    assertThat(r.status()).as(r.body()).isGreaterThanOrEqualTo(500);
                    unavailable.incrementAndGet();
                  } catch (IllegalStateException timeout) {
                    unavailable.incrementAndGet();
                  }
                  Thread.sleep(250);
                }
                throw new AssertionError("loan request never accepted");
              }));
    }

    await().atMost(Duration.ofMinutes(2)).until(() -> accepted.get() >= 10);
    temporal.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    Thread.sleep(2_000);
    startTemporal();
    await().atMost(Duration.ofMinutes(2)).until(() -> accepted.get() >= 25);
    postgres.close();
    Thread.sleep(2_000);
    startPostgres();

    List<String> ids = new ArrayList<>();
    for (Future<String> loan : loans) {
      ids.add(loan.get(4, TimeUnit.MINUTES));
    }
    clients.shutdown();
    assertThat(ids).doesNotHaveDuplicates().hasSize(LOANS);
    System.out.printf(
        "Faults E2E: %d loans through a Temporal restart and a PostgreSQL restart, %d retried"
            + " requests%n",
        LOANS, unavailable.get());

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(api.get("/loans?status=TO_REPAY&page_size=100", KEY).json().path("data"))
                    .hasSize(LOANS));
    try (Connection db = postgres.getPostgresDatabase().getConnection();
        Statement sql = db.createStatement()) {
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
    }
    var line = api.get("/borrower/" + borrowerId + "/credit-line", KEY).json();
    assertThat(line.path("outstanding_amount").asLong()).isEqualTo(LOANS * AMOUNT);
    assertThat(line.path("pending_amount").asLong()).isZero();
  }

  private static long count(Statement sql, String query) throws Exception {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
