package dev.avance.worker;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of the in-process API tests: the app in its embedded mode (real PostgreSQL, real `temporal
 * server start-dev`) on ports of its own. Subclasses share one context, so one runtime.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "avance.mode=embedded",
      "avance.home=target/api-it-home",
      "avance.embedded.temporal-cli=${temporal.cli}",
      "avance.embedded.temporal-port=17933",
      "avance.embedded.temporal-ui-port=18933",
      "avance.embedded.postgres-port=15933",
      "avance.demo.api-key=" + EmbeddedApiTest.KEY_A,
      "avance.operator.api-key=" + EmbeddedApiTest.OPERATOR_KEY
    })
abstract class EmbeddedApiTest {
  static final String KEY_A = "avk_test_platform_a_0123456789abcdef";
  static final String KEY_B = "avk_test_platform_b_0123456789abcdef";
  static final String OPERATOR_KEY = "avk_test_operator_0123456789abcdef";
  static final int TEMPORAL_UI_PORT = 18933;
}
