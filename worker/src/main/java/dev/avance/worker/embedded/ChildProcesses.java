package dev.avance.worker.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Child processes outlive a JVM killed with SIGKILL. Their pid files let the next start stop the
 * orphans before it starts its own, so that ports and data directories are free again.
 */
final class ChildProcesses {
  private static final Logger log = LoggerFactory.getLogger(ChildProcesses.class);

  private ChildProcesses() {}

  /** Stops the process named in the pid file (first line) if it is alive and looks like ours. */
  static void stopOrphan(Path pidFile, String commandHint) {
    readPid(pidFile)
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains(commandHint)).orElse(false))
        .ifPresent(
            p -> {
              log.info(
                  "Stopping {} (pid {}) left running by an earlier start", commandHint, p.pid());
              stop(p, Duration.ofSeconds(15));
            });
  }

  static void stop(ProcessHandle process, Duration grace) {
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      try {
        process.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        log.warn("Process {} did not exit after SIGKILL", process.pid());
      }
    }
  }

  static Optional<Long> readPid(Path pidFile) {
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
      return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static void writePid(Path pidFile, long pid) {
    try {
      Files.writeString(pidFile, pid + "\n");
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + pidFile, e);
    }
  }
}
