package dev.avance.activities.bank;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * Add next to {@code CreditTestApplication}: the sandbox channel's connector (the bean name the
 * bank simulator has in the worker) is a {@link RecordingBankConnector}, so that a test sees every
 * sandbox file and can take that bank down; the live channel keeps its production connector, the
 * drop folder (point {@code avance.bank.drop-folder} at a temporary directory). Also records the
 * inbox's follow-up events.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BankTestConfiguration {

  @Bean(BankConnectors.SANDBOX)
  RecordingBankConnector bankSimulator() {
    return new RecordingBankConnector();
  }

  @Bean
  FollowUpEvents followUpEvents() {
    return new FollowUpEvents();
  }

  /** The {@link BankInbox.FollowUpsPending} events published, in order. */
  public static class FollowUpEvents {
    private final List<Long> messageIds = new CopyOnWriteArrayList<>();

    @EventListener
    public void on(BankInbox.FollowUpsPending pending) {
      messageIds.add(pending.messageId());
    }

    public List<Long> messageIds() {
      return List.copyOf(messageIds);
    }

    public void reset() {
      messageIds.clear();
    }
  }
}
