package dev.avance.worker.embedded;

/** A child process of the embedded runtime that {@link ChildSupervisor} watches and restarts. */
interface SupervisedChild extends AutoCloseable {
  /** Short and stable: shown in the health details and the logs. */
  String name();

  boolean isAlive();

  /** Starts the child again on the same data and ports; throws when it could not. */
  void restart();

  @Override
  void close();
}
