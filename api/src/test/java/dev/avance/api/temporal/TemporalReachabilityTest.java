package dev.avance.api.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The connected path is every WorkflowGatewayTest: each gateway call checks first. */
class TemporalReachabilityTest {

  @Test
  void aServerNobodyListensOnIsUnavailableWithinTheWaitNotAfterTheSdksMinute() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", closed).usePlaintext().build();
    try {
      TemporalReachability reachability = new TemporalReachability(channel, Duration.ofMillis(500));
      long begin = System.nanoTime();

      assertThatThrownBy(reachability::check)
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));

      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin)).isLessThan(2_000);
      // Asked again while the channel sits in its reconnect backoff: as fast.
      long again = System.nanoTime();
      assertThatThrownBy(reachability::check).isInstanceOf(StatusRuntimeException.class);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - again)).isLessThan(2_000);
    } finally {
      channel.shutdownNow();
    }
  }
}
