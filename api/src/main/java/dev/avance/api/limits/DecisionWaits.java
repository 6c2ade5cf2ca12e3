package dev.avance.api.limits;

import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * How many requests may hold their thread waiting for a workflow's decision at once. Past the cap a
 * request does not wait: it answers at once with the resource as it is, the answer of a wait that
 * timed out, so a burst of waits cannot take every request thread.
 */
@Component
public class DecisionWaits {
  private final Semaphore permits;

  public DecisionWaits(LimitsProperties limits) {
    this.permits = new Semaphore(limits.maxDecisionWaits());
  }

  /** A wait that must be {@link Wait#close closed}; {@link Wait#granted} false past the cap. */
  public Wait tryWait(boolean wanted) {
    return new Wait(wanted && permits.tryAcquire());
  }

  /** One decision wait, or none. */
  public final class Wait implements AutoCloseable {
    private final boolean granted;
    private boolean closed;

    private Wait(boolean granted) {
      this.granted = granted;
    }

    public boolean granted() {
      return granted;
    }

    @Override
    public void close() {
      if (granted && !closed) {
        closed = true;
        permits.release();
      }
    }
  }
}
