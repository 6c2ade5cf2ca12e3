package dev.avance.activities.bank;

/**
 * The bank as Avance uses it: SEPA credit transfers out (payouts) and SEPA direct debits in
 * (repayments). A real bank integration implements this port; {@link SimulatedSepaBank} is the
 * simulation used in every mode until then.
 *
 * <p>Contract for implementations: {@link #submit} is idempotent by payment id, so that a caller
 * that crashed after the bank accepted the instruction but before it recorded the receipt can
 * simply submit again. None of the methods throws for an expected business situation (too late to
 * withdraw, pending, rejected): the answer is in the returned value, so that a caller running in a
 * transaction can go on with it. An unknown payment id is a {@link
 * java.util.NoSuchElementException}.
 */
public interface SepaBank {

  /**
   * Hands a payment to the bank. Idempotent by {@code paymentId}: a second submit of the same
   * payment id sends nothing and returns the first receipt, whatever the second instruction says.
   */
  BankReceipt submit(BankInstruction instruction);

  /**
   * The transfer's status now: PENDING, SETTLED, REJECTED (with its reason), RETURNED (with its
   * R-code) or WITHDRAWN.
   */
  BankOutcome outcome(String paymentId);

  /**
   * Withdraws a transfer the bank has not executed yet. Returns the outcome after the attempt:
   * WITHDRAWN if it is withdrawn (now or before), otherwise the status that made it too late
   * (SETTLED, REJECTED, RETURNED). Never sends anything.
   */
  BankOutcome withdraw(String paymentId);
}
