package dev.avance.api.auth;

import dev.avance.api.idempotency.IdempotencyInterceptor;
import dev.avance.api.idempotency.IdempotencyProperties;
import dev.avance.api.limits.BodyLimitInterceptor;
import dev.avance.api.limits.RateLimitInterceptor;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
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

  /** The codec server: its own credentials (CodecAccess), CORS for the Temporal UI. */
  static final String CODEC_PATHS = "/codec/**";

  /** Paths for sandbox keys only. */
  static final String SANDBOX_PATHS = "/sandbox/**";

  private final ApiKeyInterceptor apiKeys;
  private final OperatorKeyInterceptor operatorKey;
  private final SandboxPathGuard sandboxPaths;
  private final NulGuard nulGuard;
  private final BodyLimitInterceptor bodyLimit;
  private final RateLimitInterceptor rateLimit;
  private final List<String> codecOrigins;
  private final IdempotencyInterceptor idempotency;

  public WebConfig(
      ApiKeyInterceptor apiKeys,
      OperatorKeyInterceptor operatorKey,
      SandboxPathGuard sandboxPaths,
      NulGuard nulGuard,
      BodyLimitInterceptor bodyLimit,
      RateLimitInterceptor rateLimit,
      IdempotencyInterceptor idempotency,
      @Value("${avance.codec.allowed-origins:}") List<String> codecOrigins) {
    this.bodyLimit = bodyLimit;
    this.rateLimit = rateLimit;
    this.idempotency = idempotency;
    this.apiKeys = apiKeys;
    this.operatorKey = operatorKey;
    this.sandboxPaths = sandboxPaths;
    this.nulGuard = nulGuard;
    this.codecOrigins = codecOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
  }

  /**
   * The Temporal UI calls the codec from the operator's browser: its origin only, with the headers
   * it sends (its JSON body and X-Namespace make every call preflighted). No cookies: the codec's
   * credential is a header or the token in the path.
   */
  @Override
  public void addCorsMappings(CorsRegistry registry) {
    if (!codecOrigins.isEmpty()) {
      registry
          .addMapping(CODEC_PATHS)
          .allowedOrigins(codecOrigins.toArray(String[]::new))
          .allowedMethods("POST")
          .allowedHeaders("Content-Type", "X-Namespace", "Authorization")
          .maxAge(600);
    }
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(bodyLimit).addPathPatterns("/**");
    registry
        .addInterceptor(apiKeys)
        .addPathPatterns("/**")
        .excludePathPatterns(PUBLIC_PATHS)
        .excludePathPatterns(OPERATOR_PATHS)
        .excludePathPatterns(CODEC_PATHS);
    // After authentication: one bucket per environment a key opens. Operators are not limited
    // (one trusted key, and their endpoints are how an incident is handled), nor is the codec.
    registry
        .addInterceptor(rateLimit)
        .addPathPatterns("/**")
        .excludePathPatterns(PUBLIC_PATHS)
        .excludePathPatterns(OPERATOR_PATHS)
        .excludePathPatterns(CODEC_PATHS);
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
