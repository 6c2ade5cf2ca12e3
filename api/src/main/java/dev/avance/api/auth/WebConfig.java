package dev.avance.api.auth;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfig implements WebMvcConfigurer {
  /** Paths that answer without an API key. */
  static final String[] PUBLIC_PATHS = {
    "/error", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"
  };

  /** Paths for Avance's operators, authenticated by the operator key instead of a platform's. */
  static final String OPERATOR_PATHS = "/ops/**";

  private final ApiKeyInterceptor apiKeys;
  private final OperatorKeyInterceptor operatorKey;
  private final NulGuard nulGuard;

  public WebConfig(
      ApiKeyInterceptor apiKeys, OperatorKeyInterceptor operatorKey, NulGuard nulGuard) {
    this.apiKeys = apiKeys;
    this.operatorKey = operatorKey;
    this.nulGuard = nulGuard;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(apiKeys)
        .addPathPatterns("/**")
        .excludePathPatterns(PUBLIC_PATHS)
        .excludePathPatterns(OPERATOR_PATHS);
    registry.addInterceptor(operatorKey).addPathPatterns(OPERATOR_PATHS);
    registry.addInterceptor(nulGuard).addPathPatterns("/**").excludePathPatterns(PUBLIC_PATHS);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentPlatformResolver());
  }
}
