package dev.avance.workflows.common;

/**
 * The types of business failures ({@code ApplicationFailure} types); all are non-retryable.
 * Infrastructure failures are plain exceptions left to the retry policy.
 */
public enum FailureType {
  /** The platform already onboarded a borrower with this registration number. */
  DUPLICATE_IDENTIFIER,
  /** A command arrived in a state that does not accept it. */
  INVALID_STATE;

  public String type() {
    return name();
  }
}
