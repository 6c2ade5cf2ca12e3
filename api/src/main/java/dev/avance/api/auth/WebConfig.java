package dev.avance.api.auth;

import dev.avance.api.idempotency.IdempotencyInterceptor;
import dev.avance.api.idempotency.IdempotencyProperties;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
@EnableConfigurationProperties({SandboxProperties.class, IdempotencyProperties.class})
public class WebConfig implements WebMvcConfigurer {
  /** Paths that answer without an API key. */
  static final String[] PUBLIC_PATHS = {
    "/error",
    "/actuator/**",
    "/livez",
    "/readyz",
    "/v3/api-docs/**",
    "/swagger-ui/**",
    "/swagger-ui.html"
  };

  /** Paths for Avance's operators, authenticated by the operator key instead of a platform's. */
  static final String OPERATOR_PATHS = "/ops/**";

  /** Paths for sandbox keys only. */
  static final String SANDBOX_PATHS = "/sandbox/**";

  private final ApiKeyInterceptor apiKeys;
  private final OperatorKeyInterceptor operatorKey;
  private final SandboxPathGuard sandboxPaths;
  private final NulGuard nulGuard;
  private final IdempotencyInterceptor idempotency;

  public WebConfig(
      ApiKeyInterceptor apiKeys,
      OperatorKeyInterceptor operatorKey,
      SandboxPathGuard sandboxPaths,
      NulGuard nulGuard,
      IdempotencyInterceptor idempotency) {
    this.apiKeys = apiKeys;
    this.operatorKey = operatorKey;
    this.sandboxPaths = sandboxPaths;
    this.nulGuard = nulGuard;
    this.idempotency = idempotency;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(apiKeys)
        .addPathPatterns("/**")
        .excludePathPatterns(PUBLIC_PATHS)
        .excludePathPatterns(OPERATOR_PATHS);
    registry.addInterceptor(operatorKey).addPathPatterns(OPERATOR_PATHS);
    registry.addInterceptor(sandboxPaths).addPathPatterns(SANDBOX_PATHS);
    registry.addInterceptor(nulGuard).addPathPatterns("/**").excludePathPatterns(PUBLIC_PATHS);
    // Last: a key is claimed only for a request authenticated and allowed on its path.
    registry.addInterceptor(idempotency).addPathPatterns("/**").excludePathPatterns(PUBLIC_PATHS);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentPlatformResolver());
  }
}
