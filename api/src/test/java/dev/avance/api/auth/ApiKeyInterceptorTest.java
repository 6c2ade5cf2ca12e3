package dev.avance.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.avance.activities.platform.ApiKeyRepository;
import dev.avance.activities.platform.Environment;
import dev.avance.activities.platform.Platform;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.NoHandlerFoundException;

/** The authentication rules of the two kinds of keys, without a server. */
class ApiKeyInterceptorTest {
  private static final String LIVE_KEY = "avk_live_0123456789abcdef0123456789abcdef";
  private static final String SANDBOX_KEY = "avk_test_0123456789abcdef0123456789abcdef";
  private static final Platform LIVE = new Platform("acme", "Acme", Environment.LIVE, "acme");
  private static final Platform SANDBOX =
      new Platform("acme_sandbox", "Acme", Environment.SANDBOX, "acme");

  private final ApiKeyRepository keys = mock(ApiKeyRepository.class);

  ApiKeyInterceptorTest() {
    when(keys.authenticate(LIVE_KEY)).thenReturn(Optional.of(LIVE));
    when(keys.authenticate(SANDBOX_KEY)).thenReturn(Optional.of(SANDBOX));
    when(keys.authenticate("avk_live_revoked")).thenReturn(Optional.empty());
  }

  private static MockHttpServletRequest request(String path, String key) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.addHeader("Authorization", "Bearer " + key);
    return request;
  }

  private static boolean pass(ApiKeyInterceptor interceptor, MockHttpServletRequest request) {
    return interceptor.preHandle(request, new MockHttpServletResponse(), new Object());
  }

  @Test
  void eachKeyAuthenticatesItsOwnRow() {
    ApiKeyInterceptor interceptor = new ApiKeyInterceptor(keys, new SandboxProperties(true));
    MockHttpServletRequest live = request("/borrowers", LIVE_KEY);
    MockHttpServletRequest sandbox = request("/borrowers", SANDBOX_KEY);

    assertThat(pass(interceptor, live)).isTrue();
    assertThat(pass(interceptor, sandbox)).isTrue();

    assertThat(live.getAttribute(ApiKeyInterceptor.PLATFORM_ATTRIBUTE)).isEqualTo(LIVE);
    assertThat(sandbox.getAttribute(ApiKeyInterceptor.PLATFORM_ATTRIBUTE)).isEqualTo(SANDBOX);
  }

  @Test
  void aSandboxKeyIsRefusedEverywhereWhenTheSandboxIsOff() {
    ApiKeyInterceptor interceptor = new ApiKeyInterceptor(keys, new SandboxProperties(false));

    ApiException refused =
        catchThrowableOfType(
            ApiException.class, () -> pass(interceptor, request("/borrowers", SANDBOX_KEY)));

    assertThat(refused.code()).isEqualTo(ErrorCode.SANDBOX_DISABLED);
    assertThat(refused.code().status().value()).isEqualTo(403);
    assertThat(pass(interceptor, request("/borrowers", LIVE_KEY))).isTrue();
  }

  @Test
  void aRevokedKeyIsAnUnknownOne() {
    ApiKeyInterceptor interceptor = new ApiKeyInterceptor(keys, new SandboxProperties(true));

    assertThat(
            catchThrowableOfType(
                    ApiException.class,
                    () -> pass(interceptor, request("/borrowers", "avk_live_revoked")))
                .code())
        .isEqualTo(ErrorCode.UNAUTHORIZED);
  }

  @Test
  void theSandboxPathsAreUnknownToALiveKey() throws Exception {
    SandboxPathGuard guard = new SandboxPathGuard();
    MockHttpServletRequest live = request("/sandbox/incoming-transfers", LIVE_KEY);
    live.setAttribute(ApiKeyInterceptor.PLATFORM_ATTRIBUTE, LIVE);
    MockHttpServletRequest sandbox = request("/sandbox/incoming-transfers", SANDBOX_KEY);
    sandbox.setAttribute(ApiKeyInterceptor.PLATFORM_ATTRIBUTE, SANDBOX);

    assertThatThrownBy(() -> guard.preHandle(live, new MockHttpServletResponse(), new Object()))
        .isInstanceOf(NoHandlerFoundException.class);
    assertThat(guard.preHandle(sandbox, new MockHttpServletResponse(), new Object())).isTrue();
  }
}
