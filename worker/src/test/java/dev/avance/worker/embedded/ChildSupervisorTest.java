package dev.avance.worker.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.avance.worker.embedded.ChildSupervisor.Backoff;
import dev.avance.worker.embedded.ChildSupervisor.ChildState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChildSupervisorTest {

  /** A child whose death and failed starts the test decides. */
  static final class FakeChild implements SupervisedChild {
    final AtomicBoolean alive = new AtomicBoolean(true);
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger restarts = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public boolean isAlive() {
      return alive.get();
    }

    @Override
    public void restart() {
      restarts.incrementAndGet();
      if (failuresLeft.getAndDecrement() > 0) {
        throw new EmbeddedRuntimeException("port in use", "wait");
      }
      alive.set(true);
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void theBackoffDoublesUpToItsCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    assertThat(List.of(0, 1, 2, 3, 6, 7, 40).stream().map(backoff::delay))
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
  }

  @Test
  void aDeadChildIsDownUntilARestartSucceedsAfterFailedOnes() {
    FakeChild child = new FakeChild();
    try (ChildSupervisor supervisor =
        new ChildSupervisor(
            List.of(child), new Backoff(Duration.ofMillis(300), Duration.ofMillis(400)))) {
      assertThat(supervisor.allUp()).isTrue();
      child.failuresLeft.set(2);

      child.alive.set(false);

      await()
          .atMost(Duration.ofSeconds(1))
          .until(() -> supervisor.states().get("fake") != ChildState.UP);
      assertThat(supervisor.allUp()).isFalse();
      await().atMost(Duration.ofSeconds(5)).until(supervisor::allUp);
      assertThat(child.restarts).hasValue(3);
    }
  }

  @Test
  void afterCloseADeathIsNotRepaired() throws InterruptedException {
    FakeChild child = new FakeChild();
    ChildSupervisor supervisor =
        new ChildSupervisor(List.of(child), new Backoff(Duration.ZERO, Duration.ZERO));
    supervisor.close();

    child.alive.set(false);
    Thread.sleep(600);

    assertThat(child.restarts).hasValue(0);
  }
}
