package dev.avance.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ProblemsTest {

  @Test
  void anOutageTellsWhenToRetry() {
    var response = Problems.of(ErrorCode.TEMPORARILY_UNAVAILABLE, "down", "/borrowers");

    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
  }

  @Test
  void otherProblemsDoNot() {
    var response = Problems.of(ErrorCode.NOT_FOUND, "Loan x", "/loan/x");

    assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
  }
}
