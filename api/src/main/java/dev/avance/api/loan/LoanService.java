package dev.avance.api.loan;

import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.borrower.BorrowerRow;
import dev.avance.activities.events.DomainEventRepository;
import dev.avance.activities.ledger.Ledger;
import dev.avance.activities.loan.LoanQuery;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.loan.LoanRow;
import dev.avance.activities.payment.PaymentRepository;
import dev.avance.activities.platform.ApiKeys;
import dev.avance.activities.platform.Platform;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.error.FieldProblem;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.workflows.loan.BankAccount;
import dev.avance.workflows.loan.ChangeDueDate;
import dev.avance.workflows.loan.Invoice;
import dev.avance.workflows.loan.LoanCommand;
import dev.avance.workflows.loan.LoanPolicy;
import dev.avance.workflows.loan.LoanStatus;
import dev.avance.workflows.loan.RequestLoan;
import dev.avance.workflows.rules.Bic;
import dev.avance.workflows.rules.Iban;
import dev.avance.workflows.rules.Interest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

@Service
public class LoanService {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final int MAX_METADATA_CHARS = 4096;

  /** How far ahead a payout can be scheduled. */
  private static final int MAX_DAYS_BEFORE_PAYOUT = 60;

  private final WorkflowGateway workflows;
  private final LoanRepository loans;
  private final BorrowerRepository borrowers;
  private final PaymentRepository payments;
  private final DomainEventRepository events;
  private final Ledger ledger;
  private final JsonMapper json;
  private final Clock clock;
  private final LoanPolicy policy;
  private final String bic;

  public LoanService(
      WorkflowGateway workflows,
      LoanRepository loans,
      BorrowerRepository borrowers,
      PaymentRepository payments,
      DomainEventRepository events,
      Ledger ledger,
      JsonMapper json,
      Clock clock,
      @Value("${avance.loan.validation-expiry-days:7}") int validationExpiryDays,
      @Value("${avance.loan.sdd-lead-business-days:3}") int sddLeadBusinessDays,
      @Value("${avance.bank.bic:AVNCFRPPXXX}") String bic) {
    this.workflows = workflows;
    this.loans = loans;
    this.borrowers = borrowers;
    this.payments = payments;
    this.events = events;
    this.ledger = ledger;
    this.json = json;
    this.clock = clock;
    this.policy =
        new LoanPolicy(
            validationExpiryDays,
            sddLeadBusinessDays,
            20_000_000L,
            LoanPolicy.CORE_RETURN_WINDOW_DAYS);
    this.bic = bic;
  }

  /** The loan id of a (platform, salt_id): the same request always names the same loan. */
  static String loanId(String platformId, String saltId) {
    return UUID.nameUUIDFromBytes((platformId + "\n" + saltId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  public LoanResponse create(Platform platform, CreateLoanRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    String loanToIban = iban(problems, "loan_to.account_number", request.loanTo().accountNumber());
    String loanToBic = bic(problems, "loan_to.bank_identifier", request.loanTo().bankIdentifier());
    String toAccountIban =
        request.toAccount() == null
            ? null
            : iban(problems, "to_account.account_number", request.toAccount().accountNumber());
    LocalDate today = today();
    if (request.toPayAt().isBefore(today)) {
      problems.add(new FieldProblem("to_pay_at", "invalid_value", "must be today or later"));
    } else if (request.toPayAt().isAfter(today.plusDays(MAX_DAYS_BEFORE_PAYOUT))) {
      problems.add(
          new FieldProblem(
              "to_pay_at",
              "out_of_range",
              "must be within " + MAX_DAYS_BEFORE_PAYOUT + " days from today"));
    }
    String metadata =
        request.metadata() == null ? null : json.writeValueAsString(request.metadata());
    if (metadata != null && metadata.contains("\\u0000")) {
      throw ApiException.invalidField(
          "metadata", "invalid_value", "must not contain NUL characters");
    }
    if (metadata != null && metadata.length() > MAX_METADATA_CHARS) {
      problems.add(
          new FieldProblem(
              "metadata", "out_of_range", "must be at most " + MAX_METADATA_CHARS + " characters"));
    }
    BorrowerRow borrower = borrowers.findById(platform.id(), request.borrowerId()).orElse(null);
    if (borrower == null) {
      problems.add(new FieldProblem("borrower_id", "unknown_borrower", "no such borrower"));
    }
    if (!problems.isEmpty()) {
      throw validation(problems);
    }
    String hash = requestHash(request);
    String loanId = loanId(platform.id(), request.saltId());
    // A replay answers from the read model; another body under the same salt_id is a conflict.
    LoanRow existing = loans.findById(platform.id(), loanId).orElse(null);
    if (existing != null && !existing.requestHash().equals(hash)) {
      throw saltReused(request.saltId());
    }
    var invoice = request.invoice();
    RequestLoan input =
        new RequestLoan(
            loanId,
            platform.id(),
            request.borrowerId(),
            request.saltId(),
            hash,
            request.amount(),
            new Invoice(
                invoice.number(),
                invoice.amount(),
                invoice.issueDate(),
                invoice.dueDate(),
                invoice.debtor() == null ? null : invoice.debtor().name(),
                invoice.debtor() == null ? null : invoice.debtor().identifier()),
            toAccountIban,
            new BankAccount(loanToIban, loanToBic),
            request.toPayAt(),
            request.toRepayAt(),
            !Boolean.FALSE.equals(request.autoValidate()),
            metadata,
            policy);
    try {
      workflows.requestLoan(input, Boolean.TRUE.equals(request.waitForValidation()));
    } catch (WorkflowGateway.Rejected e) {
      throw saltReused(request.saltId());
    } catch (WorkflowGateway.AlreadyEnded e) {
      // The loan's workflow is over; its read model is the answer.
    }
    return get(platform, loanId);
  }

  public LoanResponse get(Platform platform, String id) {
    return response(row(platform, id));
  }

  public PageResponse<LoanResponse> list(Platform platform, LoanFilter filter, PageRequest page) {
    List<LoanRow> rows =
        loans.find(
            new LoanQuery(
                platform.id(),
                filter.statuses() == null
                    ? null
                    : filter.statuses().stream().map(LoanStatus::name).toList(),
                filter.borrowerId(),
                filter.late(),
                filter.toRepayAtFrom(),
                filter.toRepayAtTo(),
                filter.toPayAtFrom(),
                filter.toPayAtTo(),
                page.ascending(),
                page.afterTime(),
                page.afterId(),
                page.fetchSize()));
    boolean more = rows.size() > page.pageSize();
    List<LoanRow> pageRows = more ? rows.subList(0, page.pageSize()) : rows;
    String next = null;
    if (more) {
      LoanRow last = pageRows.get(pageRows.size() - 1);
      next = page.cursorAfter(last.createdAt(), last.id());
    }
    return new PageResponse<>(pageRows.stream().map(this::response).toList(), next);
  }

  public LoanResponse validate(Platform platform, String id) {
    row(platform, id);
    return command(
        platform, id, () -> workflows.validateLoan(id, new LoanCommand("validate", null)));
  }

  public LoanResponse cancel(Platform platform, String id) {
    row(platform, id);
    return command(
        platform, id, () -> workflows.cancelLoan(id, new LoanCommand("cancel", "platform")));
  }

  public LoanResponse changeDueDate(Platform platform, String id, ChangeLoanRequest request) {
    row(platform, id);
    return command(
        platform,
        id,
        () ->
            workflows.changeDueDate(
                id, new ChangeDueDate("patch-" + request.toRepayAt(), request.toRepayAt())));
  }

  public RepaymentDetailsResponse repaymentDetails(Platform platform, String id) {
    LoanRow loan = row(platform, id);
    BorrowerRow borrower = borrowers.findById(platform.id(), loan.borrowerId()).orElseThrow();
    return new RepaymentDetailsResponse(
        loan.id(),
        borrower.virtualIban(),
        bic,
        loan.remittanceReference(),
        loan.paidAt() == null
            ? loan.amountCents()
            : ledger.loanBooks(loan.id(), today()).principalCents(),
        "EUR",
        loan.toRepayAt(),
        loan.repaymentMethod());
  }

  public PageResponse<LoanEventResponse> events(Platform platform, String id) {
    row(platform, id);
    return new PageResponse<>(
        events.forEntity(platform.id(), id).stream()
            .map(e -> new LoanEventResponse(e.id(), e.eventType(), e.occurredAt()))
            .toList(),
        null);
  }

  public PageResponse<PaymentResponse> payments(Platform platform, String loanId) {
    row(platform, loanId);
    return new PageResponse<>(
        payments.findByLoan(platform.id(), loanId).stream()
            .map(
                p ->
                    new PaymentResponse(
                        p.paymentId(),
                        p.loanId(),
                        p.type().name(),
                        p.amountCents(),
                        "EUR",
                        p.status().name(),
                        p.failureReason(),
                        p.executionDate(),
                        p.instructedAt(),
                        p.paidAt()))
            .toList(),
        null);
  }

  /** Runs a command on the loan's workflow and answers with the loan as stored. */
  private LoanResponse command(Platform platform, String id, Command command) {
    try {
      command.run();
    } catch (WorkflowGateway.Rejected e) {
      if (e.badArgument()) {
        throw ApiException.invalidField("to_repay_at", "invalid_value", e.getMessage());
      }
      throw new ApiException(ErrorCode.INVALID_STATE, e.getMessage());
    }
    return get(platform, id);
  }

  /** A workflow command that may be refused. */
  private interface Command {
    void run() throws WorkflowGateway.Rejected;
  }

  private LoanRow row(Platform platform, String id) {
    return loans.findById(platform.id(), id).orElseThrow(() -> ApiException.notFound("Loan " + id));
  }

  private LoanResponse response(LoanRow l) {
    LocalDate today = today();
    LocalDate payoutDay = l.paidAt() == null ? l.toPayAt() : LocalDate.ofInstant(l.paidAt(), PARIS);
    long feesEstimated =
        Interest.roundToCents(
            Interest.accrued(l.amountCents(), Interest.days(payoutDay, l.toRepayAt())));
    // The books, not the read model: the principal outstanding, and the interest accrued on it day
    // by day exactly as billing bills it.
    Ledger.LoanBooks books = ledger.loanBooks(l.id(), today);
    long daysLate = l.late() ? Math.max(0, ChronoUnit.DAYS.between(l.toRepayAt(), today)) : 0;
    return new LoanResponse(
        l.id(),
        "INVOICE_BASED_FINANCING",
        l.status(),
        l.denialReason(),
        l.borrowerId(),
        l.amountCents(),
        "EUR",
        books.principalCents(),
        new LoanResponse.Invoice(
            l.invoiceNumber(),
            l.invoiceAmountCents(),
            l.invoiceIssueDate(),
            l.invoiceDueDate(),
            new LoanResponse.Debtor(l.debtorName(), l.debtorIdentifier())),
        l.toAccountIban() == null ? null : new LoanResponse.Account(l.toAccountIban(), null),
        new LoanResponse.Account(l.loanToIban(), l.loanToBic()),
        l.toPayAt(),
        l.toRepayAt(),
        l.paidAt(),
        l.repaidAt(),
        l.late(),
        daysLate,
        l.postponed(),
        l.autoValidate(),
        l.saltId(),
        feesEstimated,
        books.feesOngoingCents(),
        books.interestDueCents(),
        l.repaymentMethod(),
        l.remittanceReference(),
        l.metadataJson(),
        l.createdAt(),
        l.updatedAt());
  }

  /** A fingerprint of what the request asks, without how the caller wants the answer. */
  private String requestHash(CreateLoanRequest r) {
    CreateLoanRequest asked =
        new CreateLoanRequest(
            r.loanType(),
            r.borrowerId(),
            r.amount(),
            r.invoice(),
            r.toAccount(),
            r.loanTo(),
            r.toPayAt(),
            r.toRepayAt(),
            !Boolean.FALSE.equals(r.autoValidate()),
            r.saltId(),
            null,
            r.metadata());
    return ApiKeys.hash(json.writeValueAsString(asked));
  }

  private static String iban(List<FieldProblem> problems, String field, String raw) {
    String iban = raw.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!Iban.isValid(iban)) {
      problems.add(
          new FieldProblem(field, "invalid_iban", "not a valid IBAN (length and check digits)"));
    }
    return iban;
  }

  private static String bic(List<FieldProblem> problems, String field, String raw) {
    if (raw == null) {
      return null;
    }
    String bic = raw.toUpperCase(Locale.ROOT);
    if (!Bic.isValid(bic)) {
      problems.add(new FieldProblem(field, "invalid_bic", "a BIC is 8 or 11 characters"));
    }
    return bic;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PARIS));
  }

  private static ApiException saltReused(String saltId) {
    return new ApiException(
        ErrorCode.SALT_ID_REUSED,
        "salt_id " + saltId + " was already used for a different request",
        List.of(),
        Map.of("salt_id", saltId));
  }

  private static ApiException validation(List<FieldProblem> problems) {
    return new ApiException(
        ErrorCode.VALIDATION_FAILED,
        problems.stream()
            .map(p -> p.field() + ": " + p.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse(""),
        problems,
        Map.of());
  }
}
