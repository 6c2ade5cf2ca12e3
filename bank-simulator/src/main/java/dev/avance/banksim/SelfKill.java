package dev.avance.banksim;

import java.util.concurrent.TimeUnit;

/**
 * Ends this JVM the way a power cut would: SIGKILL, so that no shutdown hook, finally block or
 * pending commit of the caller runs. {@code Runtime.halt} is the fallback where {@code kill} is
 * missing; it skips shutdown hooks too.
 */
final class SelfKill {
  private SelfKill() {}

  static void now() {
    String pid = Long.toString(ProcessHandle.current().pid());
    try {
      Process kill = new ProcessBuilder("kill", "-9", pid).inheritIO().start();
      kill.waitFor(10, TimeUnit.SECONDS);
    } catch (java.io.IOException e) {
      // No kill command: halt below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(137);
  }
}
