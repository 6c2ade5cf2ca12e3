package dev.avance.worker.metrics;

import dev.avance.workflows.loan.LoanStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The business figures on {@code /actuator/prometheus}: loans by status, late loans, money paid out
 * and received (from the ledger's bank cash accounts), bank files waiting, webhook deliveries by
 * status and how far the oldest undelivered event lags. They are read from PostgreSQL, the only
 * place that knows them across nodes, once per refresh rather than at each scrape, so that scrapes
 * from several Prometheus servers cost the database nothing more. Every series exists from the
 * start (at 0), so that dashboards and alerts never query a missing metric.
 */
@Component
public class BusinessMetrics {
  private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);
  static final List<String> CHANNELS = List.of("LIVE", "SANDBOX");
  static final List<String> DIRECTIONS = List.of("OUT", "IN");
  static final List<String> DELIVERY_STATUSES =
      List.of("PENDING", "RETRYING", "DELIVERED", "FAILED");

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

  public BusinessMetrics(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    for (LoanStatus status : LoanStatus.values()) {
      gauge(registry, "avance.loans", "Loans by status", "status", status.name());
    }
    gauge(registry, "avance.loans.late", "Loans past their due date and not repaid", null, null);
    for (String channel : CHANNELS) {
      counter(
          registry,
          "avance.money.out.cents",
          "Cents paid out of Avance's bank account (payouts, refunds), from the ledger",
          "channel",
          channel);
      counter(
          registry,
          "avance.money.in.cents",
          "Cents received on Avance's bank account (debits, transfers), from the ledger",
          "channel",
          channel);
    }
    for (String direction : DIRECTIONS) {
      gauge(
          registry,
          "avance.bank.messages.pending",
          "Bank files not yet sent (OUT) or not yet applied (IN)",
          "direction",
          direction);
    }
    for (String status : DELIVERY_STATUSES) {
      gauge(
          registry, "avance.webhook.deliveries", "Webhook deliveries by status", "status", status);
    }
    gauge(
        registry,
        "avance.webhook.lag.seconds",
        "Age of the oldest event not yet delivered to every subscription (0 when none)",
        null,
        null);
  }

  private AtomicLong value(String name, String tagValue) {
    return values.computeIfAbsent(
        tagValue == null ? name : name + "|" + tagValue, k -> new AtomicLong());
  }

  private void gauge(
      MeterRegistry registry, String name, String description, String tag, String tagValue) {
    AtomicLong value = value(name, tagValue);
    Gauge.Builder<AtomicLong> builder =
        Gauge.builder(name, value, AtomicLong::get).description(description);
    if (tag != null) {
      builder.tag(tag, tagValue);
    }
    builder.register(registry);
  }

  private void counter(
      MeterRegistry registry, String name, String description, String tag, String tagValue) {
    AtomicLong value = value(name, tagValue);
    FunctionCounter.builder(name, value, AtomicLong::get)
        .description(description)
        .tag(tag, tagValue)
        .register(registry);
  }

  /** Reads every figure again; a failed read keeps the last values and is retried next time. */
  @Scheduled(
      initialDelayString = "${avance.metrics.refresh:PT15S}",
      fixedDelayString = "${avance.metrics.refresh:PT15S}")
  public void refresh() {
    try {
      read();
    } catch (RuntimeException e) {
      log.warn("Business metrics not refreshed: {}", e.toString());
    }
  }

  void read() {
    Map<String, Long> byStatus = counts("select status, count(*) from loans group by status");
    for (LoanStatus status : LoanStatus.values()) {
      value("avance.loans", status.name()).set(byStatus.getOrDefault(status.name(), 0L));
    }
    value("avance.loans.late", null)
        .set(
            jdbc.sql("select count(*) from loans where status = 'TO_REPAY' and is_late")
                .query(Long.class)
                .single());
    Map<String, Long> out =
        counts(
            "select a.owner_id, -coalesce(sum(l.amount_cents), 0) from ledger_lines l"
                + " join ledger_accounts a on a.code = l.account"
                + " where a.owner_type = 'AVANCE' and a.kind = 'BANK_CASH' and l.amount_cents < 0"
                + " group by a.owner_id");
    Map<String, Long> in =
        counts(
            "select a.owner_id, coalesce(sum(l.amount_cents), 0) from ledger_lines l"
                + " join ledger_accounts a on a.code = l.account"
                + " where a.owner_type = 'AVANCE' and a.kind = 'BANK_CASH' and l.amount_cents > 0"
                + " group by a.owner_id");
    for (String channel : CHANNELS) {
      value("avance.money.out.cents", channel).set(out.getOrDefault(channel, 0L));
      value("avance.money.in.cents", channel).set(in.getOrDefault(channel, 0L));
    }
    Map<String, Long> pending =
        counts(
            "select direction, count(*) from bank_messages where status = 'PENDING'"
                + " group by direction");
    for (String direction : DIRECTIONS) {
      value("avance.bank.messages.pending", direction).set(pending.getOrDefault(direction, 0L));
    }
    Map<String, Long> deliveries =
        counts("select status, count(*) from webhook_deliveries group by status");
    for (String status : DELIVERY_STATUSES) {
      value("avance.webhook.deliveries", status).set(deliveries.getOrDefault(status, 0L));
    }
    Instant oldest =
        jdbc.sql(
                "select least((select min(occurred_at) from domain_events where dispatched_at is"
                    + " null and dispatch_dead_at is null), (select min(e.occurred_at) from"
                    + " webhook_deliveries d join domain_events e on e.id = d.event_id where"
                    + " d.status in ('PENDING', 'RETRYING')))")
            .query(java.sql.Timestamp.class)
            .optional()
            .map(java.sql.Timestamp::toInstant)
            .orElse(null);
    value("avance.webhook.lag.seconds", null)
        .set(
            oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
  }

  private Map<String, Long> counts(String sql) {
    Map<String, Long> counts = new java.util.HashMap<>();
    jdbc.sql(sql).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }
}
