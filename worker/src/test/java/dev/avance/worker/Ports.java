package dev.avance.worker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers the tests start. They are taken below Linux's ephemeral range
 * (32768–60999): a port the kernel handed out there could be taken by an outgoing connection
 * between the choice and the server's bind, which once failed a run with "address already in use".
 */
final class Ports {
  private static final int FIRST = 20_000;
  private static final int COUNT = 12_000;
  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

  private Ports() {}

  /** A port nothing listens on, never given twice in this JVM. */
  static int free() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = FIRST + ThreadLocalRandom.current().nextInt(COUNT);
      if (!GIVEN.add(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(port));
        return port;
      } catch (IOException inUse) {
        // Another one.
      }
    }
    throw new IllegalStateException("no free port between " + FIRST + " and " + (FIRST + COUNT));
  }
}
