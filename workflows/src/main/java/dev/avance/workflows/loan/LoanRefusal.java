package dev.avance.workflows.loan;

import io.temporal.failure.ApplicationFailure;

/**
 * Why a loan refused a command: the code of the {@link #FAILURE_TYPE} failure its update validators
 * throw, which the API maps to a problem code without reading the message.
 */
public enum LoanRefusal {
  /** The same salt_id came with another request body. */
  SALT_ID_REUSED(true),
  /** Consent asked of a loan that is not waiting for it. */
  NOT_TO_VALIDATE(false),
  /** Cancel asked of a loan past SCHEDULED or whose payout is being instructed. */
  NOT_CANCELABLE(false),
  /** The repayment date can change only while the principal is to repay. */
  NOT_TO_REPAY(false),
  /** The new repayment date is missing. */
  DUE_DATE_REQUIRED(true),
  /** The new repayment date is today or in the past. */
  DUE_DATE_NOT_IN_FUTURE(true),
  /** The new repayment date leaves 1 to 120 days after the payout day. */
  EXCESSIVE_DURATION(true),
  /** The loan was already postponed once. */
  POSTPONEMENT_ALREADY_USED(true),
  /** The direct debit is with the bank: the date can no longer move. */
  DIRECT_DEBIT_ALREADY_INSTRUCTED(false),
  /** A late loan cannot be postponed: only repaying ends its lateness. */
  LOAN_LATE(false);

  /**
   * The {@link ApplicationFailure} type of every refusal is this prefix and the code: the type is
   * carried as it is, where details would need the caller's data converter to be read.
   */
  public static final String FAILURE_TYPE = "LoanRefused:";

  private final boolean badArgument;

  LoanRefusal(boolean badArgument) {
    this.badArgument = badArgument;
  }

  /** True when the command itself is wrong (a 400), false when the loan's state refuses it. */
  public boolean badArgument() {
    return badArgument;
  }

  /**
   * The exception a validator throws. The SDK passes a validator's exception on by its class name
   * and carries its causes with their failure types, so the code travels in the type of the cause:
   * a validator throwing an {@link ApplicationFailure} itself loses its type on the way.
   */
  public RuntimeException failure(String message) {
    return new LoanRefused(
        message, ApplicationFailure.newNonRetryableFailure(message, FAILURE_TYPE + name()));
  }

  /** A command the loan refused; its cause carries the {@link LoanRefusal} code. */
  public static final class LoanRefused extends RuntimeException {
    LoanRefused(String message, ApplicationFailure code) {
      super(message, code);
    }
  }

  /** The refusal found in a failure or its causes, or null when it is no loan refusal. */
  public static LoanRefusal of(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure failure
          && failure.getType() != null
          && failure.getType().startsWith(FAILURE_TYPE)) {
        try {
          return valueOf(failure.getType().substring(FAILURE_TYPE.length()));
        } catch (IllegalArgumentException unknown) {
          // A code from a newer worker than this caller: treated as untyped.
          return null;
        }
      }
    }
    return null;
  }
}
