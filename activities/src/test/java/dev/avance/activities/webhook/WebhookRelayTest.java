package dev.avance.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.MutableClock;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.platform.Environment;
import dev.avance.activities.webhook.WebhookRepository.PendingEvent;
import dev.avance.workflows.webhook.WebhookDelivery;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** The relay on a real PostgreSQL: one event that cannot be relayed holds back no other. */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookRelayTest extends RealPostgresTest {
  private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

  @Autowired private WebhookRepository webhooks;
  @Autowired private JdbcClient jdbc;

  private final MutableClock clock = new MutableClock(T0);
  private final List<WebhookDelivery> started = new ArrayList<>();

  @BeforeEach
  void cleanSlate() {
    jdbc.sql("truncate table webhook_subscriptions, domain_events, platforms cascade").update();
    TestRows rows = new TestRows(jdbc);
    rows.platform("plat-a", Environment.LIVE);
    rows.platform("plat-b", Environment.LIVE);
    webhooks.create("wh-a", "plat-a", "https://a.test/hook", List.of("loan.*"), "sa", T0);
    webhooks.create("wh-b", "plat-b", "https://b.test/hook", List.of("*"), "sb", T0);
    clock.set(T0);
    started.clear();
  }

  private long event(String platform, String entityId, String type) {
    return jdbc.sql(
            """
            insert into domain_events (platform_id, entity_type, entity_id, event_type,
                event_key, occurred_at)
            values (:p, 'loan', :e, :t, :k, :at) returning id
            """)
        .param("p", platform)
        .param("e", entityId)
        .param("t", type)
        .param("k", entityId + ":" + type)
        .param("at", Timestamp.from(T0))
        .query(Long.class)
        .single();
  }

  /** Renders every event but the bad loan's, which fails as a row out of order would. */
  private static final Function<PendingEvent, String> RENDER =
      e -> {
        if (e.entityId().equals("loan-bad")) {
          throw new IllegalArgumentException("repaid on 2026-01-01 before its payout");
        }
        return "{\"id\":\"evt_" + e.id() + "\"}";
      };

  private List<Long> startedEvents() {
    return started.stream().map(WebhookDelivery::eventId).toList();
  }

  private String deliveryStatus(long eventId) {
    return jdbc.sql("select status from webhook_deliveries where event_id = :e")
        .param("e", eventId)
        .query(String.class)
        .single();
  }

  @Test
  void aFailingEventIsRetriedAloneThenSetAsideAndLaterEventsOfEveryPlatformAreDelivered() {
    WebhookRelay relay = new WebhookRelay(webhooks, clock);
    long bad = event("plat-a", "loan-bad", "loan.TO_REPAY");
    long afterOnA = event("plat-a", "loan-ok", "loan.TO_REPAY");
    long afterOnB = event("plat-b", "loan-other", "loan.CLOSED");

    assertThat(relay.relay(200, RENDER, started::add)).isEqualTo(2);
    assertThat(startedEvents()).containsExactly(afterOnA, afterOnB);

    // Within its backoff the failed event is not tried again; later events still go.
    long later = event("plat-b", "loan-later", "loan.TO_REPAY");
    clock.set(T0.plusMillis(500));
    assertThat(relay.relay(200, RENDER, started::add)).isEqualTo(1);
    assertThat(startedEvents()).containsExactly(afterOnA, afterOnB, later);
    assertThat(attempts(bad)).isEqualTo(1);

    Instant now = T0;
    for (int i = 1; i < WebhookRelay.MAX_ATTEMPTS; i++) {
      now = now.plus(Duration.ofHours(1));
      clock.set(now);
      relay.relay(200, RENDER, started::add);
    }
    assertThat(attempts(bad)).isEqualTo(WebhookRelay.MAX_ATTEMPTS);
    assertThat(
            jdbc.sql(
                    "select dispatched_at is not null and dispatch_dead_at is not null"
                        + " from domain_events where id = :id")
                .param("id", bad)
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(deliveryStatus(bad)).isEqualTo("FAILED");
    assertThat(
            jdbc.sql("select dispatch_error from domain_events where id = :id")
                .param("id", bad)
                .query(String.class)
                .single())
        .isEqualTo("IllegalArgumentException");

    // Dead, it is never tried again, and the relay goes on.
    long last = event("plat-a", "loan-last", "loan.CLOSED");
    clock.set(now.plus(Duration.ofDays(1)));
    assertThat(relay.relay(200, RENDER, started::add)).isEqualTo(1);
    assertThat(startedEvents()).endsWith(last).doesNotContain(bad);
    assertThat(attempts(bad)).isEqualTo(WebhookRelay.MAX_ATTEMPTS);
  }

  @Test
  void anEventWhoseDeliveryCannotStartIsIsolatedToo() {
    WebhookRelay relay = new WebhookRelay(webhooks, clock);
    long first = event("plat-a", "loan-1", "loan.TO_REPAY");
    long second = event("plat-b", "loan-2", "loan.TO_REPAY");

    relay.relay(
        200,
        RENDER,
        d -> {
          if (d.eventId() == first) {
            throw new IllegalStateException("payload too large");
          }
          started.add(d);
        });

    assertThat(startedEvents()).containsExactly(second);
    assertThat(attempts(first)).isEqualTo(1);
    assertThat(deliveryStatus(first)).isEqualTo("PENDING");
  }

  private int attempts(long eventId) {
    return jdbc.sql("select dispatch_attempts from domain_events where id = :id")
        .param("id", eventId)
        .query(Integer.class)
        .single();
  }
}
