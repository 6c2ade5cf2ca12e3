package dev.avance.worker.bank;

import dev.avance.activities.bank.BankConfiguration;
import dev.avance.activities.bank.BankEntryRepository;
import dev.avance.activities.bank.BankEntryRepository.BankEntryRow;
import dev.avance.activities.bank.BankInbox.FollowUpsPending;
import dev.avance.activities.bank.BankOutboxSender;
import dev.avance.activities.bank.BankProperties;
import dev.avance.activities.bank.DropFolderInbox;
import dev.avance.activities.payment.PaymentRepository;
import dev.avance.activities.reconciliation.IncomingCreditRepository;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.workflows.loan.DebitReturned;
import dev.avance.workflows.payment.IncomingCredit;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bank relay, on every worker node: sends the outbox's pending files, does the workflows'
 * follow-ups of received entries (a credit's reconciliation, a loan told its debit came back), and
 * reads the live bank's drop folder. Each step is at least once and idempotent downstream (the bank
 * by message id and EndToEndId, the reconciliation workflow by bank reference, the loan by payment
 * id), and rows are claimed with SKIP LOCKED, so several nodes relay side by side.
 */
@Component
@ConditionalOnProperty(name = "avance.worker.enabled", havingValue = "true", matchIfMissing = true)
public class BankRelay implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(BankRelay.class);
  private static final int BATCH = 20;

  private final BankOutboxSender sender;
  private final BankEntryRepository entries;
  private final IncomingCreditRepository credits;
  private final PaymentRepository payments;
  private final DropFolderInbox dropFolder;
  private final WorkflowGateway workflows;
  private final BankProperties bank;
  private final TransactionTemplate tx;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  public BankRelay(
      BankOutboxSender sender,
      BankEntryRepository entries,
      IncomingCreditRepository credits,
      PaymentRepository payments,
      DropFolderInbox dropFolder,
      WorkflowGateway workflows,
      BankProperties bank,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.sender = sender;
    this.entries = entries;
    this.credits = credits;
    this.payments = payments;
    this.dropFolder = dropFolder;
    this.workflows = workflows;
    this.bank = bank;
    this.tx = BankConfiguration.ownTransactions(transactions);
    this.clock = clock;
  }

  /** One pass of everything; public so that tests drive it. */
  public void tick() {
    try {
      sender.sendPending();
      dropFolder.poll();
      followUps();
    } catch (RuntimeException e) {
      // The database or Temporal is down: the next tick tries again.
      log.warn("Bank relay tick failed: {}", e.getClass().getName());
    }
  }

  /** Right after a file with follow-ups has committed, rather than at the next tick. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void onFollowUps(FollowUpsPending pending) {
    try {
      followUps();
    } catch (RuntimeException e) {
      log.warn("Bank follow-ups left to the next tick: {}", e.getClass().getName());
    }
  }

  /** Does the follow-ups not done yet, a batch per transaction; returns how many were done. */
  public int followUps() {
    int done = 0;
    while (true) {
      int[] batch =
          tx.execute(
              status -> {
                List<BankEntryRow> claimed = entries.claimFollowUps(BATCH);
                int ok = 0;
                for (BankEntryRow row : claimed) {
                  try {
                    follow(row);
                    entries.followUpDone(row.id(), clock.instant());
                    ok++;
                  } catch (RuntimeException e) {
                    log.warn(
                        "Follow-up of bank entry {} failed: {}", row.id(), e.getClass().getName());
                    entries.followUpFailed(row.id());
                  }
                }
                return new int[] {claimed.size(), ok};
              });
      done += batch[1];
      if (batch[0] < BATCH || batch[1] == 0) {
        return done;
      }
    }
  }

  private void follow(BankEntryRow row) {
    switch (row.followUp()) {
      case RECONCILE_CREDIT -> {
        var credit =
            credits
                .findByReference(row.detail())
                .orElseThrow(() -> new IllegalStateException("credit " + row.id() + " vanished"));
        workflows.reconcile(
            new IncomingCredit(
                credit.bankReference(),
                credit.toIban(),
                credit.amountCents(),
                credit.remittanceInformation(),
                credit.receivedAt()));
      }
      case DEBIT_RETURNED -> {
        var payment =
            payments
                .find(row.paymentId())
                .orElseThrow(
                    () -> new IllegalStateException("payment of " + row.id() + " vanished"));
        boolean told =
            workflows.debitReturned(
                payment.loanId(),
                new DebitReturned(payment.paymentId(), row.reasonCode(), clock.instant()));
        if (!told) {
          log.warn(
              "Loan {} had ended when its debit {} came back: for operators",
              payment.loanId(),
              payment.paymentId());
        }
      }
    }
  }

  @Override
  public void start() {
    if (!bank.relayEnabled()) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bank-relay");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(50, bank.relayInterval().toMillis());
    scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  @Override
  public int getPhase() {
    // After the Temporal workers start (they stop after it), so follow-ups find them.
    return Integer.MAX_VALUE - 10;
  }
}
