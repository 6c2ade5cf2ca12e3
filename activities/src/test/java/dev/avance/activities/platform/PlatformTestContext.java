package dev.avance.activities.platform;

import dev.avance.activities.MutableClock;
import dev.avance.activities.audit.AuditLogRepository;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The platform and key repositories behind their {@code @Transactional} proxies, as in production
 * (the locks that bound the active keys hold for a transaction), on a clock the test moves.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@Import({ApiKeyRepository.class, PlatformRepository.class, AuditLogRepository.class})
class PlatformTestContext {

  @Bean
  JdbcClient jdbcClient(DataSource dataSource) {
    return JdbcClient.create(dataSource);
  }

  @Bean
  MutableClock clock() {
    return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }

  static AnnotationConfigApplicationContext start(DataSource dataSource) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.registerBean(DataSource.class, () -> dataSource);
    context.register(PlatformTestContext.class);
    context.refresh();
    return context;
  }
}
