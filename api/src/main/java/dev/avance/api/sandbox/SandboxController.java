package dev.avance.api.sandbox;

import dev.avance.activities.bank.SimulatedSepaBank;
import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.platform.Platform;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.workflows.payment.IncomingCredit;
import dev.avance.workflows.payment.PaymentIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outside world, simulated: money arriving on a virtual IBAN, a direct debit returned by the
 * borrower's bank. Off in production ({@code avance.sandbox.enabled=false}).
 */
@RestController
@ConditionalOnProperty(name = "avance.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxController {
  private final SimulatedSepaBank bank;
  private final WorkflowGateway workflows;
  private final BorrowerRepository borrowers;
  private final LoanRepository loans;
  private final Clock clock;

  public SandboxController(
      SimulatedSepaBank bank,
      WorkflowGateway workflows,
      BorrowerRepository borrowers,
      LoanRepository loans,
      Clock clock) {
    this.bank = bank;
    this.workflows = workflows;
    this.borrowers = borrowers;
    this.loans = loans;
    this.clock = clock;
  }

  /** A credit transfer to one of the platform's borrowers' virtual IBANs. */
  public record IncomingTransferRequest(
      @NotBlank @Size(max = 42) String toIban,
      @NotNull @Positive Long amount,
      @Size(max = 140) String remittanceInformation,
      @Size(max = 42) String fromIban,
      @Size(max = 64) String bankReference) {}

  /** The R-code a borrower's bank returned a direct debit with, such as AM04. */
  public record ReturnRequest(@NotBlank @Pattern(regexp = "[A-Z]{2}[0-9]{2}") String rCode) {}

  @PostMapping(path = "/sandbox/incoming-transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> incomingTransfer(
      Platform platform, @Valid @RequestBody IncomingTransferRequest body) {
    String iban = body.toIban().replace(" ", "").toUpperCase(Locale.ROOT);
    if (!borrowers.virtualIbanBelongsTo(platform.id(), iban)) {
      throw ApiException.invalidField(
          "to_iban", "unknown_account", "not the virtual IBAN of one of your borrowers");
    }
    String reference =
        body.bankReference() == null ? "SBX-" + UUID.randomUUID() : body.bankReference();
    bank.receiveCredit(
        reference, iban, body.fromIban(), body.amount(), body.remittanceInformation());
    // Reconciliation is automatic: the bank feed hands each credit to its own workflow.
    workflows.reconcile(
        new IncomingCredit(
            reference, iban, body.amount(), body.remittanceInformation(), clock.instant()));
    return Map.of("bank_reference", reference, "status", "RECEIVED");
  }

  /** Why the beneficiary's bank refuses a payout, such as AC04 (account closed). */
  public record FailPayoutRequest(@Size(max = 140) String reason) {}

  /**
   * The loan's payout will be rejected by the bank: in advance for a loan not paid out yet, or at
   * once for a payout the bank has not executed.
   */
  @PostMapping(path = "/sandbox/loan/{id}/fail-payout", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> failPayout(
      Platform platform, @PathVariable String id, @Valid @RequestBody FailPayoutRequest body) {
    loans.findById(platform.id(), id).orElseThrow(() -> ApiException.notFound("Loan " + id));
    String paymentId = PaymentIds.payout(id);
    String reason = body.reason() == null ? "AC04" : body.reason();
    var transfer = bank.transfer(paymentId);
    if (transfer.isEmpty()) {
      bank.rejectWhenReceived(paymentId, reason);
      return Map.of("payment_id", paymentId, "status", "WILL_BE_REJECTED");
    }
    try {
      return Map.of(
          "payment_id", paymentId, "status", bank.failPayout(paymentId, reason).status().name());
    } catch (IllegalStateException alreadyExecuted) {
      throw new ApiException(ErrorCode.INVALID_STATE, "The payout was already executed");
    }
  }

  @PostMapping(
      path = "/sandbox/loan/{id}/return-direct-debit",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> returnDirectDebit(
      Platform platform, @PathVariable String id, @Valid @RequestBody ReturnRequest body) {
    loans.findById(platform.id(), id).orElseThrow(() -> ApiException.notFound("Loan " + id));
    var debit =
        bank.transfers(id).stream()
            .filter(t -> PaymentIds.isDirectDebitOf(t.paymentId(), id))
            .reduce((first, second) -> second)
            .orElseThrow(() -> ApiException.notFound("Direct debit of loan " + id));
    var outcome = bank.returnDirectDebit(debit.paymentId(), body.rCode());
    return Map.of("payment_id", debit.paymentId(), "status", outcome.status().name());
  }
}
