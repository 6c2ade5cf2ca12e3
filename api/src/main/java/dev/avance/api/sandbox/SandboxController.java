package dev.avance.api.sandbox;

import dev.avance.activities.bank.BankEntryApplier;
import dev.avance.activities.bank.EndToEndIds;
import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.payment.PaymentRepository;
import dev.avance.activities.platform.Platform;
import dev.avance.activities.registry.EligibilityScenario;
import dev.avance.activities.registry.SandboxCompanyRegistry;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import dev.avance.bank.Channel;
import dev.avance.banksim.BankSimulator;
import dev.avance.banksim.Rejection;
import dev.avance.banksim.SimulatedTransaction;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import dev.avance.workflows.payment.PaymentIds;
import dev.avance.workflows.payment.PaymentView;
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
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outside world, played by the bank simulator: money arriving on a virtual IBAN, a payout the
 * beneficiary's bank rejects, a direct debit returned by the borrower's bank. Each one is an
 * instruction to the simulator, which answers Avance as a bank does, with ISO 20022 files
 * (camt.054, pain.002) that the inbox applies: nothing here writes Avance's records. Sandbox keys
 * only (a live key gets 404); off in production ({@code avance.sandbox.enabled=false}).
 */
@RestController
@Tag(name = Tags.SANDBOX)
@ConditionalOnProperty(name = "avance.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxController {
  /** The payer of a sandbox transfer that names none: a German test account. */
  static final String DEFAULT_PAYER_IBAN = "DE89370400440532013000";

  private final BankSimulator bank;
  private final BorrowerRepository borrowers;
  private final LoanRepository loans;
  private final PaymentRepository payments;
  private final SandboxCompanyRegistry registry;

  public SandboxController(
      BankSimulator bank,
      BorrowerRepository borrowers,
      LoanRepository loans,
      PaymentRepository payments,
      SandboxCompanyRegistry registry) {
    this.payments = payments;
    this.registry = registry;
    this.bank = bank;
    this.borrowers = borrowers;
    this.loans = loans;
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
              description =
                  "The debit's status at the bank: RETURNED once settled, REJECTED before.",
              allowableValues = {
                "RECEIVED",
                "ACCEPTED",
                "SETTLED",
                "REJECTED",
                "CANCELLED",
                "RETURNED"
              })
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
    String reference;
    try {
      reference =
          bank.incomingTransfer(
              iban,
              body.amount(),
              body.fromIban() == null ? DEFAULT_PAYER_IBAN : body.fromIban(),
              null,
              body.remittanceInformation(),
              null,
              body.bankReference());
    } catch (IllegalStateException reused) {
      throw ApiException.invalidField(
          "bank_reference", "already_used", "this bank reference was used for another transfer");
    } catch (IllegalArgumentException invalid) {
      throw ApiException.invalidField("from_iban", "invalid_iban", invalid.getMessage());
    }
    // The bank notifies Avance with a camt.054; reconciliation follows from that file alone.
    return new IncomingTransferResponse(
        BankEntryApplier.creditReference(Channel.SANDBOX, reference), "RECEIVED");
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
    try {
      Rejection done = bank.reject(EndToEndIds.of(paymentId), reason);
      return new FailPayoutResponse(
          paymentId, done == Rejection.WHEN_RECEIVED ? "WILL_BE_REJECTED" : "REJECTED");
    } catch (IllegalStateException alreadyExecuted) {
      throw new ApiException(ErrorCode.INVALID_STATE, "The payout was already executed");
    } catch (IllegalArgumentException invalid) {
      throw ApiException.invalidField("reason", "invalid_reason", invalid.getMessage());
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
    PaymentView debit =
        payments.findByLoan(platform.id(), id).stream()
            .filter(p -> PaymentIds.isDirectDebitOf(p.paymentId(), id))
            .reduce((first, second) -> second)
            .orElseThrow(() -> ApiException.notFound("Direct debit of loan " + id));
    try {
      SimulatedTransaction returned =
          bank.returnDirectDebit(EndToEndIds.of(debit.paymentId()), body.rCode());
      return new ReturnResponse(debit.paymentId(), returned.status().name());
    } catch (NoSuchElementException notAtTheBank) {
      throw new ApiException(ErrorCode.INVALID_STATE, "The debit has not reached the bank yet");
    } catch (IllegalStateException e) {
      throw new ApiException(ErrorCode.INVALID_STATE, e.getMessage());
    }
  }
}
