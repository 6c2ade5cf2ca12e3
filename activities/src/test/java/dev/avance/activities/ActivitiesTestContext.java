package dev.avance.activities;

import dev.avance.activities.borrower.BorrowerActivitiesImpl;
import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.borrower.FinancialDataRepository;
import dev.avance.activities.borrower.RepaymentMethodRepository;
import dev.avance.activities.events.DomainEventRepository;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.platform.ApiKeyRepository;
import dev.avance.activities.platform.PlatformRepository;
import dev.avance.activities.registry.CompanyRegistry;
import dev.avance.activities.registry.SimulatedCompanyRegistry;
import java.time.Clock;
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
 * A plain Spring context (no Boot auto-configuration) holding the real repositories and activity
 * beans on a given DataSource, with {@code @Transactional} proxies as in production. The beans are
 * imported by name rather than component-scanned so that unrelated beans added to the package do
 * not need wiring here.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@Import({
  ApiKeyRepository.class,
  PlatformRepository.class,
  BorrowerRepository.class,
  RepaymentMethodRepository.class,
  FinancialDataRepository.class,
  DomainEventRepository.class,
  LoanRepository.class,
  BorrowerActivitiesImpl.class
})
public class ActivitiesTestContext {

  @Bean
  JdbcClient jdbcClient(DataSource dataSource) {
    return JdbcClient.create(dataSource);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  CompanyRegistry companyRegistry() {
    return new SimulatedCompanyRegistry(Clock.systemUTC());
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }

  /** Starts a context on this DataSource; close it after use. */
  public static AnnotationConfigApplicationContext start(DataSource dataSource) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.registerBean(DataSource.class, () -> dataSource);
    context.register(ActivitiesTestContext.class);
    context.refresh();
    return context;
  }
}
