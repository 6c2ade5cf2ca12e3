package dev.avance.banksim;

import dev.avance.bank.BankFileReceiver;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bank simulator in a Spring context, when {@code avance.bank-simulator.enabled=true}: the
 * simulator (a {@link dev.avance.bank.BankConnector}) on the context's DataSource and Clock (the
 * system clock when the context has none), answering to the context's {@link BankFileReceiver}, and
 * its delivery thread. Imported by the application that wants it, never auto-configured.
 *
 * <p>It migrates its own schema and defines no Flyway, transaction manager or JdbcClient bean: any
 * of those would make Spring Boot's auto-configuration of Avance's own back off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "avance.bank-simulator", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(BankSimulatorProperties.class)
public class BankSimulatorConfiguration {

  @Bean
  public BankSimulator bankSimulator(
      DataSource dataSource,
      ObjectProvider<Clock> clock,
      BankFileReceiver receiver,
      BankSimulatorProperties properties) {
    BankSimulatorSchema.migrate(dataSource);
    return new BankSimulator(
        dataSource, clock.getIfAvailable(Clock::systemUTC), receiver, properties);
  }

  @Bean
  public BankSimulatorDelivery bankSimulatorDelivery(
      BankSimulator bankSimulator, BankSimulatorProperties properties) {
    return new BankSimulatorDelivery(bankSimulator, properties.deliveryInterval());
  }
}
