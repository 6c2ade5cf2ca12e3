package dev.avance.banksim;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The simulator's one background thread: runs {@link BankSimulator#tick()} every delivery interval
 * while the Spring context runs. Started in the last phase and stopped in the first, so that
 * Avance's inbox is up before the bank talks to it and still up when the bank stops.
 */
public class BankSimulatorDelivery implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(BankSimulatorDelivery.class);

  private final BankSimulator simulator;
  private final Duration interval;
  private ScheduledExecutorService executor;

  public BankSimulatorDelivery(BankSimulator simulator, Duration interval) {
    this.simulator = Objects.requireNonNull(simulator, "simulator");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "bank-simulator-delivery");
              thread.setDaemon(true);
              return thread;
            });
    long millis = Math.max(1, interval.toMillis());
    executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      simulator.tick();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: the bank must keep going.
      // The class and the frame only: an exception's message may quote a row (an IBAN, a name).
      StackTraceElement[] frames = e.getStackTrace();
      log.warn(
          "bank simulator tick failed ({} at {}); next tick goes on",
          e.getClass().getName(),
          frames.length > 0 ? frames[0] : "?");
    }
  }

  @Override
  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
