package dev.avance.worker.embedded;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded children and starts a dead one again on the same data and ports, waiting
 * longer after each failed attempt. The app's own clients reconnect by themselves (Hikari, the
 * Temporal SDK's channel), so nothing else restarts.
 */
final class ChildSupervisor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChildSupervisor.class);
  private static final Duration CHECK_EVERY = Duration.ofMillis(250);

  /** What the readiness probe shows for each child. */
  enum ChildState {
    UP,
    DOWN,
    RESTARTING
  }

  private final List<SupervisedChild> children;
  private final Backoff backoff;
  private final Map<String, ChildState> states = new ConcurrentHashMap<>();
  private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();
  private final ScheduledExecutorService thread;
  private volatile boolean stopping;

  ChildSupervisor(List<SupervisedChild> children, Backoff backoff) {
    this.children = List.copyOf(children);
    this.backoff = backoff;
    children.forEach(c -> states.put(c.name(), ChildState.UP));
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "avance-embedded-supervisor");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(
        this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Children in their start order, each with its state. */
  Map<String, ChildState> states() {
    Map<String, ChildState> ordered = new LinkedHashMap<>();
    children.forEach(c -> ordered.put(c.name(), states.get(c.name())));
    return ordered;
  }

  boolean allUp() {
    return states.values().stream().allMatch(s -> s == ChildState.UP);
  }

  private void check() {
    for (SupervisedChild child : children) {
      if (stopping) {
        return;
      }
      try {
        supervise(child);
      } catch (RuntimeException e) {
        // One bad check must not end the scheduled task: it would never run again.
        log.error("Supervising {} failed", child.name(), e);
      }
    }
  }

  private void supervise(SupervisedChild child) {
    String name = child.name();
    if (states.get(name) == ChildState.UP) {
      if (child.isAlive()) {
        return;
      }
      log.warn("The embedded {} died; starting it again", name);
      states.put(name, ChildState.DOWN);
      attempts.put(name, new Attempts(0, System.nanoTime() + backoff.delay(0).toNanos()));
    }
    Attempts due = attempts.get(name);
    if (System.nanoTime() < due.nextAt()) {
      return;
    }
    states.put(name, ChildState.RESTARTING);
    try {
      child.restart();
      if (stopping) {
        return;
      }
      log.info("The embedded {} is back after {} attempt(s)", name, due.count() + 1);
      states.put(name, ChildState.UP);
      attempts.remove(name);
    } catch (RuntimeException e) {
      Duration wait = backoff.delay(due.count() + 1);
      log.warn(
          "Starting the embedded {} again failed (attempt {}), next in {}: {}",
          name,
          due.count() + 1,
          wait,
          e.getMessage());
      states.put(name, ChildState.DOWN);
      attempts.put(name, new Attempts(due.count() + 1, System.nanoTime() + wait.toNanos()));
    }
  }

  /** Stops watching before the children are stopped, so that stopping them is not a death. */
  @Override
  public void close() {
    stopping = true;
    thread.shutdownNow();
    try {
      // A restart under way is interrupted; its half-started child is stopped by close() next.
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Attempts(int count, long nextAt) {}

  /** Exponential: {@code initial}, twice that after each failure, never more than {@code max}. */
  record Backoff(Duration initial, Duration max) {
    Duration delay(int failures) {
      long millis = initial.toMillis() << Math.min(failures, 20);
      return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
  }
}
