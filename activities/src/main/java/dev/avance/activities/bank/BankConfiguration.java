package dev.avance.activities.bank;

import dev.avance.bank.BankConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bank boundary's beans: the outbox and its sender, the inbox, the connectors. The live
 * connector is the drop folder; the sandbox connector is the bank simulator's, registered by the
 * worker where the simulator runs (never in the production profile).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BankProperties.class)
public class BankConfiguration {

  /**
   * Every bank step runs in a transaction of its own: the file sender after the payment's commit
   * (Spring's afterCommit still holds the committed transaction's connection), the inbox under
   * whatever called it (the simulator's delivery thread, an HTTP request).
   */
  public static TransactionTemplate ownTransactions(PlatformTransactionManager transactions) {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return tx;
  }

  @Bean(BankConnectors.LIVE)
  DropFolderBankConnector liveBankConnector(
      BankProperties bank, @Value("${avance.home:.avance}") Path home) {
    return new DropFolderBankConnector(dropFolder(bank, home));
  }

  static Path dropFolder(BankProperties bank, Path home) {
    return bank.dropFolder() == null ? home.resolve("bank") : bank.dropFolder();
  }

  @Bean
  DropFolderInbox liveDropFolderInbox(
      BankProperties bank, @Value("${avance.home:.avance}") Path home, BankInbox inbox) {
    return new DropFolderInbox(dropFolder(bank, home), inbox);
  }

  @Bean
  BankConnectors bankConnectors(Map<String, BankConnector> connectors) {
    return new BankConnectors(connectors);
  }

  @Bean
  BankOutboxSender bankOutboxSender(
      BankMessageRepository messages,
      BankConnectors connectors,
      PlatformTransactionManager transactions,
      Clock clock) {
    return new BankOutboxSender(messages, connectors, ownTransactions(transactions), clock);
  }

  @Bean
  BankOutbox bankOutbox(BankMessageRepository messages, BankOutboxSender sender) {
    return new BankOutbox(messages, sender);
  }

  @Bean
  BankInbox bankInbox(
      BankMessageRepository messages,
      BankEntryApplier applier,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock) {
    return new BankInbox(messages, applier, ownTransactions(transactions), events, clock);
  }
}
