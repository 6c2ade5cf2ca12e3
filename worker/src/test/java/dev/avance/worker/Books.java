package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** The end of every suite: the books hold, as the operators' check says. */
final class Books {
  private Books() {}

  /**
   * GET /ops/ledger/check answers zero breaks. Waited for a little: a loan whose books just moved
   * records it when it next waits, and the check leaves it alone for its first minute anyway.
   */
  static void assertBalanced(Http api, String operatorKey) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              Http.Response check = api.get("/ops/ledger/check", operatorKey);
              assertThat(check.status()).as(check.body()).isEqualTo(200);
              // Seven invariants today; fewer means a check stopped running.
              assertThat(check.json().path("checks").size())
                  .as(check.body())
                  .isGreaterThanOrEqualTo(7);
              assertThat(check.json().path("breaks").asInt()).as(check.body()).isZero();
            });
  }
}
