package dev.avance.api.temporal;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fails a request fast while Temporal cannot be reached. The SDK retries an unreachable server for
 * up to a minute per call (and longer for updates), which a client sees as a hang; bounding those
 * retries on the shared stubs would also cut the workers' own reports. Instead each call first
 * looks at the channel: connected, it goes through with its intended waits untouched; not connected
 * within {@code connectWait}, it answers UNAVAILABLE, which the API maps to a 503.
 */
final class TemporalReachability {
  private final ManagedChannel channel;
  private final Duration connectWait;

  TemporalReachability(ManagedChannel channel, Duration connectWait) {
    this.channel = channel;
    this.connectWait = connectWait;
  }

  void check() {
    ConnectivityState state;
    try {
      state = channel.getState(true);
    } catch (UnsupportedOperationException noStateHere) {
      // A channel that does not track its state (some test channels): the SDK's own retries.
      return;
    }
    if (state == ConnectivityState.READY) {
      return;
    }
    if (state == ConnectivityState.TRANSIENT_FAILURE) {
      // The channel may be sitting out a reconnect backoff of up to two minutes; the server may
      // be back already (the embedded supervisor restarts it within seconds).
      channel.resetConnectBackoff();
    }
    long deadline = System.nanoTime() + connectWait.toNanos();
    while (state != ConnectivityState.READY) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || state == ConnectivityState.SHUTDOWN) {
        throw Status.UNAVAILABLE
            .withDescription("Temporal is not reachable (channel " + state + ")")
            .asRuntimeException();
      }
      CountDownLatch changed = new CountDownLatch(1);
      channel.notifyWhenStateChanged(state, changed::countDown);
      try {
        changed.await(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Status.CANCELLED.withCause(e).asRuntimeException();
      }
      state = channel.getState(true);
    }
  }
}
