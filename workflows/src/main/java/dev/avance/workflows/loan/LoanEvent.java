package dev.avance.workflows.loan;

import dev.avance.workflows.payment.PaymentStatus;
import java.util.Optional;

/**
 * Every event a loan emits: the webhook catalogue of the {@code loan.*} family. The code is the
 * wire name platforms subscribe to and receive ({@code loan.TO_REPAY}); it never changes once
 * shipped, so an enum constant is never renamed.
 */
public enum LoanEvent {
  SUBMITTED,
  PENDING_VALIDATION,
  TO_VALIDATE,
  VALIDATED,
  DECLINED,
  CANCELED,
  SCHEDULED,
  INITIATED,
  ISSUE_DETECTED,
  TO_REPAY,
  TO_REPAY_FEES,
  CLOSED,
  REPAYMENT_METHOD_CHANGED,
  REPAYMENT_RECEIVED,
  OVERPAYMENT_PARKED,
  DUE_DATE_CHANGED,
  LATE,
  DUNNING_D1,
  DUNNING_D4,
  DUNNING_D15,
  DIRECT_DEBIT_INSTRUCTED,
  /** The lead before the due date was too short: collected on the first day the lead allows. */
  DIRECT_DEBIT_SHORT_NOTICE,
  DIRECT_DEBIT_WITHDRAWAL_REQUESTED,
  DIRECT_DEBIT_WITHDRAWN,
  DIRECT_DEBIT_FAILED,
  DIRECT_DEBIT_RETURNED,
  /** Delinquency stages ({@link DelinquencyStage}): back to current once repaid in full. */
  DELINQUENCY_CURRENT,
  DELINQUENCY_LATE,
  DELINQUENCY_OVERDUE,
  DELINQUENCY_COLLECTIONS,
  DELINQUENCY_DEFAULTED,
  /** Written off by an operator (the same event the write-off's own transaction writes). */
  WRITTEN_OFF,
  /** The loan's contract is stored: {@code GET /loan/{id}/documents} lists it. */
  CONTRACT_AVAILABLE;

  private static final String FAMILY = "loan.";

  public String code() {
    return FAMILY + name();
  }

  /** The event a status is entered with. */
  public static LoanEvent of(LoanStatus status) {
    return valueOf(status.name());
  }

  /** The event a debit outcome other than PAID or CANCELED is reported with. */
  public static LoanEvent debitOutcome(PaymentStatus status) {
    return valueOf("DIRECT_DEBIT_" + status.name());
  }

  /** The reminder sent {@code days} after the due date. */
  public static LoanEvent dunning(int days) {
    return valueOf("DUNNING_D" + days);
  }

  /** The event of a wire code, empty for a code of another family or an unknown one. */
  public static Optional<LoanEvent> fromCode(String code) {
    if (code == null || !code.startsWith(FAMILY)) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(code.substring(FAMILY.length())));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
