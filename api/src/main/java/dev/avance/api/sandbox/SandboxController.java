package dev.avance.api.sandbox;

import dev.avance.activities.bank.SimulatedSepaBank;
import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.platform.Platform;
import dev.avance.activities.registry.EligibilityScenario;
import dev.avance.activities.registry.SandboxCompanyRegistry;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import dev.avance.workflows.payment.IncomingCredit;
import dev.avance.workflows.payment.PaymentIds;
import dev.avance.workflows.rules.CompanyIdentifiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Locale;
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
@Tag(name = Tags.SANDBOX)
@ConditionalOnProperty(name = "avance.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxController {
  private final SimulatedSepaBank bank;
  private final WorkflowGateway workflows;
  private final BorrowerRepository borrowers;
  private final LoanRepository loans;
  private final Clock clock;
  private final SandboxCompanyRegistry registry;

  public SandboxController(
      SimulatedSepaBank bank,
      WorkflowGateway workflows,
      BorrowerRepository borrowers,
      LoanRepository loans,
      Clock clock,
      SandboxCompanyRegistry registry) {
    this.registry = registry;
    this.bank = bank;
    this.workflows = workflows;
    this.borrowers = borrowers;
    this.loans = loans;
    this.clock = clock;
  }

  /** A credit transfer to one of the platform's borrowers' virtual IBANs. */
  @Schema(description = "A SEPA credit transfer arriving on one of your borrowers' virtual IBANs.")
  public record IncomingTransferRequest(
      @Schema(description = "The borrower's virtual IBAN (`repayment_account.account_number`).")
          @NotBlank
          @Size(max = 42)
          String toIban,
      @Schema(description = "Euro cents.", example = "30000") @NotNull @Positive Long amount,
      @Schema(
              description =
                  "The transfer's remittance information; quote the loan's `repayment_reference`"
                      + " (RF...) for it to be matched. Unmatched money is parked for operators.")
          @Size(max = 140)
          String remittanceInformation,
      @Schema(description = "The payer's IBAN.") @Size(max = 42) String fromIban,
      @Schema(description = "The bank's id of the transfer; the same one is received once.")
          @Size(max = 64)
          String bankReference) {}

  /** What the simulated bank received. */
  public record IncomingTransferResponse(
      @Schema(description = "The bank's id of the transfer.") String bankReference,
      @Schema(allowableValues = "RECEIVED") String status) {}

  /** The R-code a borrower's bank returned a direct debit with, such as AM04. */
  public record ReturnRequest(
      @Schema(
              description = "The SEPA R-code, such as `AM04` (insufficient funds).",
              example = "AM04")
          @NotBlank
          @Pattern(regexp = "[A-Z]{2}[0-9]{2}")
          String rCode) {}

  /** The returned direct debit. */
  public record ReturnResponse(
      @Schema(description = "The direct debit's payment id.") String paymentId,
      @Schema(
              description = "The debit's status at the bank.",
              allowableValues = {"PENDING", "SETTLED", "REJECTED", "RETURNED", "WITHDRAWN"})
          String status) {}

  @Operation(
      operationId = "simulateIncomingTransfer",
      summary = "Simulate an incoming transfer",
      description =
          "Money arrives on a borrower's virtual IBAN; it is reconciled automatically with the"
              + " loan whose reference the remittance information quotes.")
  @PostMapping(path = "/sandbox/incoming-transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  public IncomingTransferResponse incomingTransfer(
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
    return new IncomingTransferResponse(reference, "RECEIVED");
  }

  /** What the registry should say of a company, for the borrowers onboarded from now on. */
  @Schema(description = "The eligibility outcome the sandbox registry gives a registration number.")
  public record CompanyEligibilityRequest(
      @Schema(description = "The registration number, as POST /borrowers takes it.")
          @NotBlank
          @Size(max = 32)
          String identifier,
      @Schema(description = "Default FRA.") Country country,
      @Schema(description = "Default: the country's usual family.") IdentifierType identifierType,
      @NotNull EligibilityScenario scenario) {}

  /** The scenario now in force for the number. */
  public record CompanyEligibilityResponse(
      String identifier, Country country, EligibilityScenario scenario) {}

  @Operation(
      operationId = "simulateCompanyEligibility",
      summary = "Make a company eligible or not",
      description =
          "The sandbox registry answers this scenario for the number from now on: ELIGIBLE, or a"
              + " refusal reason. Your sandbox's borrowers onboarded afterwards get it; no other"
              + " platform's do.")
  @PostMapping(path = "/sandbox/company-eligibility", consumes = MediaType.APPLICATION_JSON_VALUE)
  public CompanyEligibilityResponse companyEligibility(
      Platform platform, @Valid @RequestBody CompanyEligibilityRequest body) {
    Country country = body.country() == null ? Country.FRA : body.country();
    String identifier = CompanyIdentifiers.normalize(body.identifier());
    IdentifierType type =
        body.identifierType() == null ? IdentifierType.defaultFor(country) : body.identifierType();
    CompanyIdentifiers.problem(type, country, identifier)
        .ifPresent(
            problem -> {
              throw ApiException.invalidField("identifier", "invalid_identifier", problem);
            });
    // The platform row's own: another platform's borrowers meet the registry as it is.
    registry.setScenario(platform.id(), country, identifier, body.scenario());
    return new CompanyEligibilityResponse(identifier, country, body.scenario());
  }

  /** Why the beneficiary's bank refuses a payout, such as AC04 (account closed). */
  public record FailPayoutRequest(
      @Schema(
              description = "The SEPA reason code; AC04 (account closed) when absent.",
              example = "AC04")
          @Size(max = 140)
          String reason) {}

  /** What the bank will do with, or did to, the loan's payout. */
  public record FailPayoutResponse(
      @Schema(description = "The payout's payment id.") String paymentId,
      @Schema(
              description = "REJECTED now, or WILL_BE_REJECTED when the payout reaches the bank.",
              allowableValues = {"REJECTED", "WILL_BE_REJECTED"})
          String status) {}

  @Operation(
      operationId = "simulateFailedPayout",
      summary = "Simulate a failed payout",
      description =
          "The beneficiary's bank rejects the loan's payout: arranged in advance for a loan not"
              + " paid out yet (TO_VALIDATE, VALIDATED, SCHEDULED), or at once for a payout the"
              + " bank has not executed. The loan goes to ISSUE_DETECTED and its credit is"
              + " released.")
  @ProblemResponse(status = 409, description = "`invalid_state`: the payout was already executed")
  @PostMapping(path = "/sandbox/loan/{id}/fail-payout", consumes = MediaType.APPLICATION_JSON_VALUE)
  public FailPayoutResponse failPayout(
      Platform platform, @PathVariable String id, @Valid @RequestBody FailPayoutRequest body) {
    loans.findById(platform.id(), id).orElseThrow(() -> ApiException.notFound("Loan " + id));
    String paymentId = PaymentIds.payout(id);
    String reason = body.reason() == null ? "AC04" : body.reason();
    if (bank.transfer(paymentId).isEmpty()) {
      bank.rejectWhenReceived(paymentId, reason);
      return new FailPayoutResponse(paymentId, "WILL_BE_REJECTED");
    }
    try {
      return new FailPayoutResponse(paymentId, bank.failPayout(paymentId, reason).status().name());
    } catch (IllegalStateException alreadyExecuted) {
      throw new ApiException(ErrorCode.INVALID_STATE, "The payout was already executed");
    }
  }

  @Operation(
      operationId = "simulateReturnedDirectDebit",
      summary = "Simulate a returned direct debit",
      description = "The borrower's bank sends the loan's last direct debit back with an R-code.")
  @ProblemResponse(
      status = 409,
      description = "`invalid_state`: the debit was withdrawn before it was sent")
  @PostMapping(
      path = "/sandbox/loan/{id}/return-direct-debit",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public ReturnResponse returnDirectDebit(
      Platform platform, @PathVariable String id, @Valid @RequestBody ReturnRequest body) {
    loans.findById(platform.id(), id).orElseThrow(() -> ApiException.notFound("Loan " + id));
    var debit =
        bank.transfers(id).stream()
            .filter(t -> PaymentIds.isDirectDebitOf(t.paymentId(), id))
            .reduce((first, second) -> second)
            .orElseThrow(() -> ApiException.notFound("Direct debit of loan " + id));
    try {
      var outcome = bank.returnDirectDebit(debit.paymentId(), body.rCode());
      return new ReturnResponse(debit.paymentId(), outcome.status().name());
    } catch (IllegalStateException e) {
      throw new ApiException(ErrorCode.INVALID_STATE, e.getMessage());
    }
  }
}
