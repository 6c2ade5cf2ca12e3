package dev.avance.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.avance.activities.platform.ApiKeys;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class OperatorKeyInterceptorTest {
  private static final String KEY = "avk_ops_0123456789abcdef";

  private static MockHttpServletRequest request(String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ops/billing-runs");
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    return request;
  }

  private static ErrorCode refusal(OperatorKeyInterceptor interceptor, String authorization) {
    return catchThrowableOfType(
            ApiException.class,
            () ->
                interceptor.preHandle(
                    request(authorization), new MockHttpServletResponse(), new Object()))
        .code();
  }

  @Test
  void theOperatorKeyPasses() {
    OperatorKeyInterceptor interceptor = new OperatorKeyInterceptor(KEY);

    assertThat(
            interceptor.preHandle(
                request("Bearer " + KEY), new MockHttpServletResponse(), new Object()))
        .isTrue();
    assertThat(
            interceptor.preHandle(
                request("bearer  " + KEY + " "), new MockHttpServletResponse(), new Object()))
        .isTrue();
  }

  @Test
  void theAuditNamesTheOperatorByAFingerprintOfTheKey() {
    OperatorKeyInterceptor interceptor = new OperatorKeyInterceptor(KEY);
    MockHttpServletRequest request = request("Bearer " + KEY);

    interceptor.preHandle(request, new MockHttpServletResponse(), new Object());

    Operator operator = (Operator) request.getAttribute(OperatorKeyInterceptor.OPERATOR_ATTRIBUTE);
    assertThat(operator.fingerprint())
        .isEqualTo("sha256:" + ApiKeys.hash(KEY).substring(0, 12))
        .doesNotContain(KEY);
  }

  @Test
  void anyOtherKeyIsForbiddenAndNoKeyUnauthorized() {
    OperatorKeyInterceptor interceptor = new OperatorKeyInterceptor(KEY);

    assertThat(refusal(interceptor, "Bearer avk_test_platform_a_0123456789abcdef"))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(interceptor, "Bearer " + KEY + "x")).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(interceptor, "Bearer ")).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(interceptor, null)).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(refusal(interceptor, "Basic b3BzOm9wcw==")).isEqualTo(ErrorCode.UNAUTHORIZED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void withoutAnOperatorKeyConfiguredEveryCallIsForbidden(String configured) {
    OperatorKeyInterceptor interceptor = new OperatorKeyInterceptor(configured);

    assertThat(refusal(interceptor, "Bearer " + KEY)).isEqualTo(ErrorCode.OPERATOR_ACCESS_DISABLED);
    assertThat(refusal(interceptor, "Bearer ")).isEqualTo(ErrorCode.OPERATOR_ACCESS_DISABLED);
    assertThat(refusal(interceptor, null)).isEqualTo(ErrorCode.OPERATOR_ACCESS_DISABLED);
    assertThat(ErrorCode.OPERATOR_ACCESS_DISABLED.status().value()).isEqualTo(403);
  }
}
