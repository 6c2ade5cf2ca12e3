package dev.avance.banksim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.bank.BankConnector;
import dev.avance.bank.BankFileReceiver;
import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.MessageType;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The simulator in a Spring context, as the worker will {@code @Import} it. */
class ConfigurationTest extends SimulatorTestBase {

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withUserConfiguration(BankSimulatorConfiguration.class)
        .withBean(DataSource.class, () -> dataSource)
        .withBean(Clock.class, Clock::systemUTC)
        .withBean(BankFileReceiver.class, () -> receiver);
  }

  @Test
  void nothingIsCreatedUnlessEnabled() {
    runner().run(context -> assertThat(context).doesNotHaveBean(BankSimulator.class));
    runner()
        .withPropertyValues("avance.bank-simulator.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(BankConnector.class));
  }

  @Test
  void enabledItMigratesItsSchemaBindsItsSettingsAndDeliversOnItsOwnThread() {
    runner()
        .withPropertyValues(
            "avance.bank-simulator.enabled=true",
            "avance.bank-simulator.ack-delay=50ms",
            "avance.bank-simulator.instant-delay=100ms",
            "avance.bank-simulator.delivery-interval=20ms",
            "avance.bank-simulator.duplicate-deliveries=false",
            "avance.bank-simulator.reorder=true")
        .run(
            context -> {
              assertThat(context).hasSingleBean(BankSimulator.class);
              assertThat(context).getBean(BankConnector.class).isInstanceOf(BankSimulator.class);
              // Beans that would switch off Spring Boot's own for Avance.
              assertThat(context).doesNotHaveBean(Flyway.class);
              assertThat(context).doesNotHaveBean(PlatformTransactionManager.class);
              assertThat(context).doesNotHaveBean(JdbcClient.class);

              BankSimulator simulator = context.getBean(BankSimulator.class);
              BankSimulatorProperties settings = simulator.properties();
              assertThat(settings.ackDelay()).isEqualTo(Duration.ofMillis(50));
              assertThat(settings.instantDelay()).isEqualTo(Duration.ofMillis(100));
              assertThat(settings.deliveryInterval()).isEqualTo(Duration.ofMillis(20));
              assertThat(settings.reorder()).isTrue();
              assertThat(context.getBean(BankSimulatorDelivery.class).isRunning()).isTrue();

              simulator.send(file(payouts("CTX-1", true, null, transfer("CTX-E2E", 2_500))));
              long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
              while (receiver.received().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
              }
              assertThat(receiver.received())
                  .as("reorder: the booking first")
                  .extracting(BankMessage::type)
                  .containsExactly(MessageType.CAMT_054, MessageType.PAIN_002);
              assertThat(simulator.balance(AVANCE)).isEqualTo(-2_500);
            });
    assertThat(
            JdbcClient.create(dataSource)
                .sql(
                    "select count(*) from banksim.banksim_schema_history where success and version = '1'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theDeliveryThreadStopsWithTheContext() {
    BankSimulatorDelivery[] delivery = new BankSimulatorDelivery[1];
    runner()
        .withPropertyValues("avance.bank-simulator.enabled=true")
        .run(context -> delivery[0] = context.getBean(BankSimulatorDelivery.class));
    assertThat(delivery[0].isRunning()).isFalse();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("bank-simulator-delivery") && t.isAlive());
  }
}
