package dev.avance.api.loan;

import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.workflows.loan.LoanRefusal;
import java.util.Locale;

/**
 * A loan's refusal of a command as a problem response: by its {@link LoanRefusal} code, so that a
 * reworded message never changes what a platform's code reads.
 */
final class LoanRefusals {
  private LoanRefusals() {}

  static ApiException problem(LoanRefusal refusal, boolean badArgument, String message) {
    if (refusal == null) {
      // Not a typed refusal (a loan that ended, another workflow): what the state allows.
      return badArgument
          ? ApiException.invalidField("to_repay_at", "invalid_value", message)
          : new ApiException(ErrorCode.INVALID_STATE, message);
    }
    String reason = refusal.name().toLowerCase(Locale.ROOT);
    switch (refusal) {
      case SALT_ID_REUSED:
        return new ApiException(ErrorCode.SALT_ID_REUSED, message);
      case LOAN_LATE:
        return new ApiException(ErrorCode.LOAN_LATE, message);
      case DIRECT_DEBIT_ALREADY_INSTRUCTED:
        return new ApiException(ErrorCode.DIRECT_DEBIT_ALREADY_INSTRUCTED, message);
      default:
        return refusal.badArgument()
            ? ApiException.invalidField("to_repay_at", reason, message)
            : new ApiException(ErrorCode.INVALID_STATE, message);
    }
  }
}
