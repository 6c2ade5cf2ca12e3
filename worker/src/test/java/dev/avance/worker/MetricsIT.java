package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.avance.worker.metrics.BusinessMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * After one loan, the management port's {@code /actuator/prometheus} shows the Temporal SDK's
 * metrics, HTTP, Hikari and JVM, and the business figures; every metric the Grafana dashboard
 * queries is among them. The API's port serves no metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT extends EmbeddedApiTest {
  private static final Path DASHBOARD = Path.of("../docker/grafana/dashboards/avance.json");
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:avance|temporal|http|hikaricp|jvm|process)_[a-z0-9_]+)\\b");
  private static final String IBAN = "FR1420041010050500013M02606";

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired BusinessMetrics metrics;
  Http http;
  Http management;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
    management = new Http("http://localhost:" + managementPort);
  }

  private String oneLoanPaidOut() {
    Http.Response borrower =
        http.postJson(
            "/borrowers",
            KEY_A,
            "{\"identifier\":\""
                + Sirens.eligible()
                + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
    String borrowerId = borrower.json().path("id").asString();
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    String salt = "metrics-" + UUID.randomUUID();
    Http.Response loan =
        http.postJson(
            "/loans",
            KEY_A,
            """
            {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":12345,
             "invoice":{"number":"INV-%s","amount":100000,"issue_date":"%s","due_date":"%s",
                        "debtor":{"name":"Debtor SA","identifier":"732829320"}},
             "to_account":{"account_number":"%s"},
             "loan_to":{"account_number":"%s","bank_identifier":"PSSTFRPPPAR"},
             "to_pay_at":"%s","to_repay_at":"%s","salt_id":"%s","wait_for_validation":true}
            """
                .formatted(
                    borrowerId,
                    salt,
                    today.minusDays(2),
                    today.plusDays(60),
                    IBAN,
                    IBAN,
                    today,
                    today.plusDays(30),
                    salt));
    assertThat(loan.status()).as(loan.body()).isEqualTo(201);
    String id = loan.json().path("id").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(http.get("/loan/" + id, KEY_A).json().path("status").asString())
                    .isEqualTo("TO_REPAY"));
    return id;
  }

  private static double value(String scrape, String series) {
    return scrape
        .lines()
        .filter(l -> l.startsWith(series + " ") || l.startsWith(series + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void afterOneLoanThePrometheusScrapeHasTheSdkAndBusinessMetrics() throws IOException {
    oneLoanPaidOut();
    metrics.refresh();

    Http.Response scraped = management.get("/actuator/prometheus", null);

    assertThat(scraped.status()).isEqualTo(200);
    String scrape = scraped.body();
    Files.writeString(Path.of("target/prometheus-scrape.txt"), scrape);
    assertThat(scrape).contains("\ntemporal_");
    assertThat(scrape).contains("http_server_requests_seconds_bucket");
    assertThat(scrape).contains("hikaricp_connections_active");
    assertThat(scrape).contains("jvm_memory_used_bytes");
    assertThat(scrape).contains("avance_loans{status=\"TO_REPAY\"");
    assertThat(value(scrape, "avance_loans{status=\"TO_REPAY\"}")).isGreaterThanOrEqualTo(1);
    assertThat(value(scrape, "avance_money_out_cents_total{channel=\"SANDBOX\"}"))
        .isGreaterThanOrEqualTo(12345);
    assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(404);
  }

  @Test
  void everyMetricTheDashboardQueriesExists() throws IOException {
    oneLoanPaidOut();
    metrics.refresh();
    String scrape = management.get("/actuator/prometheus", null).body();
    Set<String> series = new TreeSet<>();
    scrape
        .lines()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .forEach(l -> series.add(l.split("[{ ]", 2)[0]));

    JsonNode dashboard = Http.JSON.readTree(Files.readString(DASHBOARD));
    Set<String> queried = new TreeSet<>();
    dashboard
        .path("panels")
        .forEach(
            panel ->
                panel
                    .path("targets")
                    .forEach(
                        target -> {
                          Matcher m = METRIC.matcher(target.path("expr").asString());
                          while (m.find()) {
                            queried.add(m.group(1));
                          }
                        }));

    assertThat(queried).hasSizeGreaterThanOrEqualTo(10);
    assertThat(series).containsAll(queried);
  }
}
