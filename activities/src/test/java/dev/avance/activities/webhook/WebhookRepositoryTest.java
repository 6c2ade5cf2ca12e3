package dev.avance.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.platform.Environment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** Webhook secrets on a real PostgreSQL: encrypted at rest, readable for signing. */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookRepositoryTest extends RealPostgresTest {
  private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  private static final String SECRET = "whsec_0123456789abcdef0123456789";

  @Autowired private WebhookRepository webhooks;
  @Autowired private JdbcClient jdbc;

  @BeforeEach
  void cleanSlate() {
    jdbc.sql("truncate table webhook_subscriptions, platforms cascade").update();
    new TestRows(jdbc).platform("plat-a", Environment.LIVE);
  }

  private String stored(String id) {
    return jdbc.sql("select secret from webhook_subscriptions where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  @Test
  void theSecretIsStoredEncryptedAndReadBackForSigning() {
    webhooks.create("wh-1", "plat-a", "https://example.test/hook", List.of("loan.*"), SECRET, T0);

    assertThat(stored("wh-1")).startsWith("v1:").doesNotContain(SECRET).doesNotContain("whsec");
    assertThat(webhooks.endpoint("wh-1").orElseThrow())
        .isEqualTo(new WebhookRepository.Endpoint("https://example.test/hook", SECRET, false));
  }

  @Test
  void secretsStoredInPlaintextBeforeAreSealedOnceAndStillSign() {
    jdbc.sql(
            """
            insert into webhook_subscriptions (id, platform_id, to_url, event_types, secret,
                created_at)
            values ('wh-old', 'plat-a', 'https://example.test/old', '{loan.*}', :secret, now())
            """)
        .param("secret", SECRET)
        .update();
    webhooks.create("wh-new", "plat-a", "https://example.test/new", List.of("loan.*"), "s2", T0);
    String alreadySealed = stored("wh-new");

    assertThat(webhooks.endpoint("wh-old").orElseThrow().secret()).isEqualTo(SECRET);
    assertThat(webhooks.sealPlaintextSecrets()).isEqualTo(1);
    assertThat(webhooks.sealPlaintextSecrets()).isZero();

    assertThat(stored("wh-old")).startsWith("v1:").doesNotContain(SECRET);
    assertThat(stored("wh-new")).isEqualTo(alreadySealed);
    assertThat(webhooks.endpoint("wh-old").orElseThrow().secret()).isEqualTo(SECRET);
  }

  @Test
  void aPlatformHasAtMostTheCappedNumberOfActiveSubscriptions() {
    new TestRows(jdbc).platform("plat-cap", Environment.SANDBOX);
    new TestRows(jdbc).platform("plat-other", Environment.SANDBOX);
    for (int i = 0; i < 3; i++) {
      assertThat(
              webhooks.createWithin(
                  3, "cap-" + i, "plat-cap", "https://example.test/" + i, List.of("*"), "s", T0))
          .isTrue();
    }
    assertThat(
            webhooks.createWithin(
                3, "cap-3", "plat-cap", "https://example.test/3", List.of("*"), "s", T0))
        .isFalse();
    assertThat(webhooks.find("plat-cap", "cap-3")).isEmpty();
    // Another platform has its own count, and a deleted subscription makes room.
    assertThat(
            webhooks.createWithin(
                3, "cap-other", "plat-other", "https://example.test/o", List.of("*"), "s", T0))
        .isTrue();
    webhooks.delete("plat-cap", "cap-0", T0);
    assertThat(
            webhooks.createWithin(
                3, "cap-4", "plat-cap", "https://example.test/4", List.of("*"), "s", T0))
        .isTrue();
  }
}
