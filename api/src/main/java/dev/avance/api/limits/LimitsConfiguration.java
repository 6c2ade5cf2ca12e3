package dev.avance.api.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadConstraints;

@Configuration
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsConfiguration {

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(LimitsProperties limits) {
    FilterRegistrationBean<BodyLimitFilter> registration =
        new FilterRegistrationBean<>(new BodyLimitFilter(limits));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  BodyLimitInterceptor bodyLimitInterceptor(LimitsProperties limits) {
    return new BodyLimitInterceptor(limits);
  }

  @Bean
  RateLimitInterceptor rateLimitInterceptor(LimitsProperties limits) {
    return new RateLimitInterceptor(limits);
  }

  /**
   * JSON nested deeper than the limit is refused by the parser. Spring Boot builds its mapper on a
   * JsonFactory of default constraints and a builder customizer cannot swap the factory, so the
   * defaults are set here, while the customizers are made, which is before Boot's builder makes its
   * factory. They apply to every Jackson 3 parser of the process; Temporal's payloads use Jackson 2
   * and are unaffected.
   */
  @Bean
  JsonMapperBuilderCustomizer jsonDepthLimit(LimitsProperties limits) {
    StreamReadConstraints.overrideDefaultStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(limits.maxJsonDepth()).build());
    return builder -> {};
  }
}
