package dev.avance.activities;

import dev.avance.activities.bank.BankConfiguration;
import dev.avance.activities.common.SecretBox;
import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * A Spring Boot context of the activities module for tests on a real PostgreSQL: Boot's own
 * DataSource, JdbcClient, transaction manager and Flyway (classpath:db/migration), and every
 * repository and activity bean of {@code dev.avance.activities}, behind their
 * {@code @Transactional} proxies as in production. The test supplies {@code spring.datasource.*}
 * (e.g. with {@code @DynamicPropertySource}). Other configuration classes of the package (test
 * contexts of other suites) are left out of the scan; the bank boundary's own configuration is
 * imported, as the worker imports it, since every payment and credit bean needs it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
    basePackages = "dev.avance.activities",
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = Configuration.class))
@Import(BankConfiguration.class)
public class CreditTestApplication {

  /** The app provides the secrets key; a fixed one here. */
  @Bean
  SecretBox secretBox() {
    return new SecretBox(new byte[32]);
  }

  /** The app provides the clock; the registry bean needs one. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
