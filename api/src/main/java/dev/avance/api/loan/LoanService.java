package dev.avance.api.loan;

import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.borrower.BorrowerRow;
import dev.avance.activities.borrower.RepaymentMethodRepository;
import dev.avance.activities.events.DomainEventRepository;
import dev.avance.activities.ledger.Ledger;
import dev.avance.activities.ledger.WriteOffs;
import dev.avance.activities.loan.LoanPayoffs;
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
import dev.avance.api.limits.DecisionWaits;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.workflows.borrower.PaymentMethod;
import dev.avance.workflows.loan.BankAccount;
import dev.avance.workflows.loan.ChangeDueDate;
import dev.avance.workflows.loan.DelinquencyStage;
import dev.avance.workflows.loan.Invoice;
import dev.avance.workflows.loan.LoanCommand;
import dev.avance.workflows.loan.LoanPolicy;
import dev.avance.workflows.loan.LoanStatus;
import dev.avance.workflows.loan.RequestLoan;
import dev.avance.workflows.payment.PaymentIds;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import dev.avance.workflows.rules.Bic;
import dev.avance.workflows.rules.Iban;
import dev.avance.workflows.rules.Interest;
import dev.avance.workflows.rules.LoanTerms;
import dev.avance.workflows.rules.NextAction;
import dev.avance.workflows.rules.NextActions;
import dev.avance.workflows.rules.PlannedDebit;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

@Service
public class LoanService {
  private static final Logger log = LoggerFactory.getLogger(LoanService.class);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final int MAX_METADATA_CHARS = 4096;

  /** How far ahead a payout can be scheduled. */
  private static final int MAX_DAYS_BEFORE_PAYOUT = 60;

  private final DecisionWaits decisionWaits;
  private final WorkflowGateway workflows;
  private final LoanRepository loans;
  private final BorrowerRepository borrowers;
  private final PaymentRepository payments;
  private final RepaymentMethodRepository repaymentMethods;
  private final LoanPayoffs payoffs;
  private final DomainEventRepository events;
  private final Ledger ledger;
  private final WriteOffs writeOffs;
  private final JsonMapper json;
  private final Clock clock;
  private final LoanPolicy policy;
  private final String bic;

  public LoanService(
      WorkflowGateway workflows,
      LoanRepository loans,
      BorrowerRepository borrowers,
      PaymentRepository payments,
      RepaymentMethodRepository repaymentMethods,
      LoanPayoffs payoffs,
      DomainEventRepository events,
      Ledger ledger,
      WriteOffs writeOffs,
      JsonMapper json,
      Clock clock,
      DecisionWaits decisionWaits,
      @Value("${avance.loan.validation-expiry-days:7}") int validationExpiryDays,
      @Value("${avance.loan.sdd-lead-business-days:3}") int sddLeadBusinessDays,
      @Value("${avance.bank.bic:AVNCFRPPXXX}") String bic,
      DelinquencyDaysProperties delinquencyDays) {
    this.decisionWaits = decisionWaits;
    this.workflows = workflows;
    this.loans = loans;
    this.borrowers = borrowers;
    this.payments = payments;
    this.repaymentMethods = repaymentMethods;
    this.payoffs = payoffs;
    this.events = events;
    this.ledger = ledger;
    this.writeOffs = writeOffs;
    this.json = json;
    this.clock = clock;
    this.policy =
        new LoanPolicy(
            validationExpiryDays,
            sddLeadBusinessDays,
            20_000_000L,
            LoanPolicy.CORE_RETURN_WINDOW_DAYS,
            delinquencyDays.days());
    this.bic = bic;
  }

  /** The loan id of a (platform, salt_id): the same request always names the same loan. */
  static String loanId(String platformId, String saltId) {
    return UUID.nameUUIDFromBytes((platformId + "\n" + saltId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** How far from today an invoice's dates may be. */
  private static final int INVOICE_YEARS = 5;

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
    // Checked here, before anything exists: a loan whose dates or amounts cannot hold is a bad
    // request, and a workflow started for it would store a row no read could render.
    long days = ChronoUnit.DAYS.between(request.toPayAt(), request.toRepayAt());
    if (days < LoanTerms.MIN_DAYS || days > LoanTerms.MAX_DAYS) {
      problems.add(
          new FieldProblem(
              "to_repay_at",
              "out_of_range",
              "must be "
                  + LoanTerms.MIN_DAYS
                  + " to "
                  + LoanTerms.MAX_DAYS
                  + " days after to_pay_at"));
    }
    if (request.amount() > request.invoice().amount()) {
      problems.add(
          new FieldProblem("amount", "out_of_range", "must be at most the invoice's amount"));
    }
    LocalDate issued = request.invoice().issueDate();
    LocalDate due = request.invoice().dueDate();
    // Bounded so that no date far outside an invoice's life reaches the books or a PDF.
    if (issued != null
        && (issued.isBefore(today.minusYears(INVOICE_YEARS))
            || issued.isAfter(today.plusYears(1)))) {
      problems.add(
          new FieldProblem(
              "invoice.issue_date",
              "out_of_range",
              "must be at most " + INVOICE_YEARS + " years ago and at most a year ahead"));
    }
    if (due != null
        && (due.isBefore(today.minusYears(INVOICE_YEARS))
            || due.isAfter(today.plusYears(INVOICE_YEARS)))) {
      problems.add(
          new FieldProblem(
              "invoice.due_date",
              "out_of_range",
              "must be within " + INVOICE_YEARS + " years of today"));
    }
    if (issued != null && due != null && due.isBefore(issued)) {
      problems.add(
          new FieldProblem(
              "invoice.due_date", "invalid_value", "must be on or after invoice.issue_date"));
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
    try (DecisionWaits.Wait wait =
        decisionWaits.tryWait(Boolean.TRUE.equals(request.waitForValidation()))) {
      workflows.requestLoan(input, wait.granted());
    } catch (WorkflowGateway.Rejected e) {
      throw saltReused(request.saltId());
    } catch (WorkflowGateway.AlreadyEnded e) {
      // The loan's workflow is over; its read model is the answer.
    }
    return get(platform, loanId);
  }

  public LoanResponse get(Platform platform, String id) {
    LoanRow loan = row(platform, id);
    return response(loan, known(platform, loan));
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
    List<LoanResponse> data = new ArrayList<>(pageRows.size());
    List<String> ids = pageRows.stream().map(LoanRow::id).toList();
    Map<String, List<PaymentView>> paymentsByLoan = payments.findByLoans(platform.id(), ids);
    // The page's books and write-offs in three queries, not three per loan.
    Map<String, Ledger.LoanBooks> booksByLoan = ledger.loanBooks(ids, today());
    Map<String, WriteOffs.WriteOff> writeOffsByLoan = writeOffs.findAll(ids);
    Map<String, Boolean> walletDebits = new HashMap<>();
    for (LoanRow row : pageRows) {
      try {
        data.add(
            response(
                row,
                new Known(
                    paymentsByLoan.getOrDefault(row.id(), List.of()),
                    collectsByDebit(platform, row, walletDebits)),
                booksByLoan.get(row.id()),
                Optional.ofNullable(writeOffsByLoan.get(row.id()))));
      } catch (RuntimeException e) {
        // One row that cannot be shown must not hide the platform's other loans; the id and the
        // kind of failure are enough for operators, and carry no personal data.
        log.warn("Loan {} skipped in a list: {}", row.id(), e.getClass().getSimpleName());
      }
    }
    return new PageResponse<>(data, next);
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

  /**
   * What repays the loan in full on {@code date} (today when null): a day from today to 120 days
   * after its due date, once it is paid out.
   */
  public PayoffResponse payoff(Platform platform, String id, LocalDate date) {
    LoanRow loan = row(platform, id);
    LocalDate today = today();
    LocalDate day = date == null ? today : date;
    if (day.isBefore(today)) {
      throw ApiException.invalidField("date", "invalid_value", "must be today or later");
    }
    LocalDate last = loan.toRepayAt().plusDays(LoanTerms.MAX_DAYS);
    if (day.isAfter(last)) {
      throw ApiException.invalidField(
          "date",
          "out_of_range",
          "must be at most " + LoanTerms.MAX_DAYS + " days after to_repay_at");
    }
    LoanPayoffs.Payoff payoff =
        payoffs
            .payoff(platform.id(), id, day)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.INVALID_STATE,
                        "The loan is not paid out: nothing is owed until its payout settles"));
    return new PayoffResponse(
        id,
        day,
        payoff.principalCents(),
        payoff.interestCents(),
        payoff.interestExact().toPlainString(),
        payoff.billedUnpaidCents(),
        payoff.penaltiesCents(),
        payoff.totalCents(),
        "EUR");
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
    LoanRow loan = row(platform, loanId);
    Known known = known(platform, loan);
    List<PaymentResponse> data = new ArrayList<>();
    for (PaymentView p : known.payments()) {
      data.add(
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
              p.paidAt(),
              p.instructedAt() == null ? null : LocalDate.ofInstant(p.instructedAt(), PARIS),
              p.type() == PaymentType.DIRECT_DEBIT ? p.executionDate() : null));
    }
    data.addAll(planned(loan, known, today()));
    return new PageResponse<>(data, null);
  }

  /**
   * The payments the loan will make that the bank has not been sent yet: its payout before it is
   * instructed, and the direct debit of its repayment before its instruction day. Derived from the
   * loan and the calendar on each read, never stored, so they follow a changed due date at once.
   */
  private List<PaymentResponse> planned(LoanRow loan, Known known, LocalDate today) {
    LoanStatus status = status(loan.status());
    List<PaymentResponse> planned = new ArrayList<>();
    if ((status == LoanStatus.VALIDATED || status == LoanStatus.SCHEDULED)
        && loan.toPayAt() != null
        && known.payments().stream().noneMatch(p -> p.type() == PaymentType.PAYOUT)) {
      LocalDate payDay = loan.toPayAt().isBefore(today) ? today : loan.toPayAt();
      planned.add(
          new PaymentResponse(
              PaymentIds.payout(loan.id()),
              loan.id(),
              PaymentType.PAYOUT.name(),
              loan.amountCents(),
              "EUR",
              PaymentState.SCHEDULED.name(),
              null,
              payDay,
              null,
              null,
              payDay,
              null));
    }
    if (status == LoanStatus.TO_REPAY
        && !loan.late()
        && known.collectsByDebit()
        && loan.toRepayAt() != null
        && loan.outstandingPrincipalCents() > 0
        && known.payments().stream()
            .noneMatch(
                p ->
                    p.type() == PaymentType.DIRECT_DEBIT
                        && (p.status() == PaymentStatus.INSTRUCTED
                            || p.status() == PaymentStatus.PAID))) {
      PlannedDebit debit =
          NextActions.plannedDebit(loan.toRepayAt(), today, policy.sddLeadBusinessDays());
      planned.add(
          new PaymentResponse(
              loan.id() + ":debit:planned",
              loan.id(),
              PaymentType.DIRECT_DEBIT.name(),
              loan.outstandingPrincipalCents(),
              "EUR",
              PaymentState.SCHEDULED.name(),
              null,
              debit.collectionDate(),
              null,
              null,
              debit.instructionDate(),
              debit.collectionDate()));
    }
    return planned;
  }

  /** What the read model knows of a loan's repayment beyond its row. */
  private record Known(List<PaymentView> payments, boolean collectsByDebit) {}

  private Known known(Platform platform, LoanRow loan) {
    return new Known(
        payments.findByLoan(platform.id(), loan.id()),
        collectsByDebit(platform, loan, new HashMap<>()));
  }

  /**
   * Whether Avance collects the loan by direct debit: under a DIRECT_DEBIT method, or under SCT
   * from a wallet with a mandate (the borrower's default method), as the loan workflow decides.
   * Asked once per borrower of a page, and only for loans still to repay.
   */
  private boolean collectsByDebit(Platform platform, LoanRow loan, Map<String, Boolean> wallets) {
    if (PaymentMethod.DIRECT_DEBIT.name().equals(loan.repaymentMethod())) {
      return true;
    }
    if (!PaymentMethod.SCT.name().equals(loan.repaymentMethod())
        || status(loan.status()) != LoanStatus.TO_REPAY) {
      return false;
    }
    return wallets.computeIfAbsent(
        loan.borrowerId(),
        b ->
            repaymentMethods.findByBorrower(platform.id(), b).stream()
                .anyMatch(
                    m ->
                        m.isDefault()
                            && m.paymentMethod() == PaymentMethod.SCT
                            && m.mandateReference() != null
                            && m.iban() != null));
  }

  private NextAction nextAction(LoanRow l, Known known, LocalDate today) {
    LocalDate pendingCollection = null;
    for (PaymentView p : known.payments()) {
      if (p.type() == PaymentType.DIRECT_DEBIT && p.status() == PaymentStatus.INSTRUCTED) {
        pendingCollection = p.executionDate();
      }
    }
    return NextActions.of(
        new NextActions.Loan(
            status(l.status()),
            l.toPayAt(),
            l.toRepayAt(),
            l.late(),
            known.collectsByDebit(),
            pendingCollection,
            l.repaidAt() == null ? null : LocalDate.ofInstant(l.repaidAt(), PARIS),
            l.createdAt() == null
                ? null
                : LocalDate.ofInstant(l.createdAt(), PARIS)
                    .plusDays(policy.validationExpiryDays())),
        today,
        policy.sddLeadBusinessDays());
  }

  /** The stored status, or null for a value this version does not know. */
  private static LoanStatus status(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return LoanStatus.valueOf(stored);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  /** Runs a command on the loan's workflow and answers with the loan as stored. */
  private LoanResponse command(Platform platform, String id, Command command) {
    try {
      command.run();
    } catch (WorkflowGateway.Rejected e) {
      throw LoanRefusals.problem(e.refusal(), e.badArgument(), e.getMessage());
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

  private LoanResponse response(LoanRow l, Known known) {
    // The books, not the read model: the principal outstanding, and the interest accrued on it day
    // by day exactly as billing bills it.
    return response(l, known, ledger.loanBooks(l.id(), today()), writeOffs.find(l.id()));
  }

  private LoanResponse response(
      LoanRow l, Known known, Ledger.LoanBooks books, Optional<WriteOffs.WriteOff> writeOff) {
    LocalDate today = today();
    LocalDate payoutDay = l.paidAt() == null ? l.toPayAt() : LocalDate.ofInstant(l.paidAt(), PARIS);
    long feesEstimated = interestCents(l.amountCents(), payoutDay, l.toRepayAt());
    long daysLate =
        l.late() && l.toRepayAt() != null
            ? Math.max(0, ChronoUnit.DAYS.between(l.toRepayAt(), today))
            : 0;
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
        l.delinquencyStage() == null ? DelinquencyStage.CURRENT.name() : l.delinquencyStage(),
        l.postponed(),
        l.autoValidate(),
        l.saltId(),
        feesEstimated,
        books.feesOngoingCents(),
        books.interestDueCents(),
        writeOff.map(WriteOffs.WriteOff::writtenOffAt).orElse(null),
        writeOff.map(w -> w.reason().name()).orElse(null),
        NextActionResponse.of(nextAction(l, known, today)),
        l.repaymentMethod(),
        l.remittanceReference(),
        l.metadataJson(),
        l.createdAt(),
        l.updatedAt());
  }

  /**
   * Interest in cents from {@code from} to {@code to}, or 0 when a stored row's dates cannot give
   * any: rows written before the request checked its dates must still be listed, not fail the whole
   * page of their platform.
   */
  private static long interestCents(long principalCents, LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from) || principalCents < 0) {
      return 0;
    }
    return Interest.roundToCents(Interest.accrued(principalCents, Interest.days(from, to)));
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
