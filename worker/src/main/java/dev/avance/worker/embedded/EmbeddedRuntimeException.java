package dev.avance.worker.embedded;

/** The embedded runtime could not start; the message is one sentence that says what to do. */
public class EmbeddedRuntimeException extends RuntimeException {
  private final String action;

  public EmbeddedRuntimeException(String message, String action) {
    super(message);
    this.action = action;
  }

  public EmbeddedRuntimeException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
