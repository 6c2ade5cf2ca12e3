package dev.avance.worker;

import dev.avance.activities.platform.Environment;
import dev.avance.activities.platform.PlatformRepository;
import java.io.File;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.FileSystemUtils;

/**
 * Base of the in-process API tests: the app in its embedded mode (real PostgreSQL, real `temporal
 * server start-dev`) on free ports of its own. Subclasses share one context, so one runtime.
 */
@SpringBootTest(
    // A port chosen before the start, not a random one: the dev server's UI is given the codec
    // endpoint, on this port, before the web server starts.
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "server.port=${avance.it.http-port}",
      "management.server.port=${avance.it.management-port}",
      "avance.mode=embedded",
      "avance.home=target/api-it-home",
      "avance.embedded.temporal-cli=${temporal.cli}",
      "avance.embedded.temporal-port=${avance.it.temporal-port}",
      "avance.embedded.temporal-ui-port=${avance.it.temporal-ui-port}",
      "avance.embedded.postgres-port=${avance.it.postgres-port}",
      "avance.demo.api-key=" + EmbeddedApiTest.KEY_A,
      "avance.demo.live-api-key=" + EmbeddedApiTest.KEY_A_LIVE,
      "avance.operator.api-key=" + EmbeddedApiTest.OPERATOR_KEY,
      // WebhookIT's receiver, and only it, is exempt from the egress rules.
      "avance.webhooks.trusted-targets=127.0.0.1:${avance.it.webhook-port},"
          + "127.0.0.1:${avance.it.raw-port}",
      "avance.webhooks.max-subscriptions=" + EmbeddedApiTest.MAX_WEBHOOKS
    })
abstract class EmbeddedApiTest {
  /** The demo platform's sandbox key: platform A's loans are paid out by the bank simulator. */
  static final String KEY_A = "avk_test_platform_a_0123456789abcdef";

  /** The demo platform's live key: the same platform, its other environment. */
  static final String KEY_A_LIVE = "avk_live_platform_a_0123456789abcdef";

  static final String KEY_B = "avk_test_platform_b_0123456789abcdef";
  static final String OPERATOR_KEY = "avk_test_operator_0123456789abcdef";

  /** Webhook subscriptions per environment in the suites. */
  static final int MAX_WEBHOOKS = 8;

  static {
    // A fresh state per test run: what an earlier build left (older migrations, earlier runs)
    // must not decide this one.
    FileSystemUtils.deleteRecursively(new File("target/api-it-home"));
    // Chosen before Spring reads its environment: the embedded runtime starts from it.
    for (String port :
        new String[] {
          "avance.it.temporal-port",
          "avance.it.temporal-ui-port",
          "avance.it.postgres-port",
          "avance.it.webhook-port",
          "avance.it.raw-port",
          "avance.it.http-port",
          "avance.it.management-port"
        }) {
      if (System.getProperty(port) == null) {
        System.setProperty(port, Integer.toString(Ports.free()));
      }
    }
  }

  @Autowired PlatformRepository platforms;

  /** A second platform's sandbox, for the tenancy checks of every suite, whichever runs first. */
  @BeforeEach
  void secondPlatform() {
    platforms.upsert("platform-b", "Platform B", Environment.SANDBOX, KEY_B);
  }

  /** Whatever the suite did, the books hold at its end (they hold every suite run before it). */
  @AfterAll
  static void theBooksBalance(@Value("${local.server.port}") int port) {
    Books.assertBalanced(new Http("http://localhost:" + port), OPERATOR_KEY);
  }

  static int uiPort() {
    return Integer.getInteger("avance.it.temporal-ui-port");
  }
}
