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

  private final ApiKeyInterceptor apiKeys;
  private final NulGuard nulGuard;

  public WebConfig(ApiKeyInterceptor apiKeys, NulGuard nulGuard) {
    this.apiKeys = apiKeys;
    this.nulGuard = nulGuard;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(apiKeys).addPathPatterns("/**").excludePathPatterns(PUBLIC_PATHS);
    registry.addInterceptor(nulGuard).addPathPatterns("/**").excludePathPatterns(PUBLIC_PATHS);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentPlatformResolver());
  }
}
