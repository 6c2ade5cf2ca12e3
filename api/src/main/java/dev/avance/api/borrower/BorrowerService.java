package dev.avance.api.borrower;

import dev.avance.activities.borrower.BorrowerQuery;
import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.borrower.BorrowerRow;
import dev.avance.activities.borrower.RepaymentMethodRepository;
import dev.avance.activities.credit.CreditLineRepository;
import dev.avance.activities.platform.Platform;
import dev.avance.activities.terms.TermsCatalogue;
import dev.avance.activities.terms.TermsRepository;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.error.FieldProblem;
import dev.avance.api.limits.DecisionWaits;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.workflows.borrower.AddRepaymentMethod;
import dev.avance.workflows.borrower.BorrowerPolicy;
import dev.avance.workflows.borrower.BorrowerStatus;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import dev.avance.workflows.borrower.OnboardBorrower;
import dev.avance.workflows.borrower.PaymentMethod;
import dev.avance.workflows.borrower.SignTerms;
import dev.avance.workflows.borrower.SubmitFinancialData;
import dev.avance.workflows.rules.Bic;
import dev.avance.workflows.rules.CompanyIdentifiers;
import dev.avance.workflows.rules.Iban;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

@Service
public class BorrowerService {
  private static final int MAX_METADATA_CHARS = 4096;
  private static final int ADULT_AGE = 18;
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Set<String> ISO_COUNTRIES =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

  private final DecisionWaits decisionWaits;
  private final WorkflowGateway workflows;
  private final BorrowerRepository borrowers;
  private final RepaymentMethodRepository methods;
  private final CreditLineRepository creditLines;
  private final JsonMapper json;
  private final Clock clock;
  private final BorrowerPolicy policy;
  private final String bic;
  private final TermsCatalogue catalogue;
  private final TermsRepository terms;

  public BorrowerService(
      WorkflowGateway workflows,
      BorrowerRepository borrowers,
      RepaymentMethodRepository methods,
      CreditLineRepository creditLines,
      JsonMapper json,
      Clock clock,
      DecisionWaits decisionWaits,
      @Value("${avance.credit.line-cap-cents:50000000}") long lineCapCents,
      @Value("${avance.credit.validity-days:365}") int validityDays,
      @Value("${avance.bank.bic:AVNCFRPPXXX}") String bic,
      TermsCatalogue catalogue,
      TermsRepository terms) {
    this.decisionWaits = decisionWaits;
    this.catalogue = catalogue;
    this.terms = terms;
    this.workflows = workflows;
    this.borrowers = borrowers;
    this.methods = methods;
    this.creditLines = creditLines;
    this.json = json;
    this.clock = clock;
    this.policy = new BorrowerPolicy(lineCapCents, validityDays);
    this.bic = bic;
  }

  public BorrowerResponse create(Platform platform, CreateBorrowerRequest request) {
    Country country = request.country() == null ? Country.FRA : request.country();
    IdentifierType type =
        request.identifierType() == null
            ? IdentifierType.defaultFor(country)
            : request.identifierType();
    String identifier = CompanyIdentifiers.normalize(request.identifier());
    CompanyIdentifiers.problem(type, country, identifier)
        .ifPresent(
            problem -> {
              throw ApiException.invalidField("identifier", "invalid_identifier", problem);
            });
    Instant signedAt = request.signedAt() == null ? null : request.signedAt().toInstant();
    requireNotFuture("signed_at", signedAt);
    String metadata =
        request.metadata() == null ? null : json.writeValueAsString(request.metadata());
    if (metadata != null && metadata.contains("\\u0000")) {
      throw ApiException.invalidField(
          "metadata", "invalid_value", "must not contain NUL characters");
    }
    if (metadata != null && metadata.length() > MAX_METADATA_CHARS) {
      throw ApiException.invalidField(
          "metadata",
          "out_of_range",
          "must be at most " + MAX_METADATA_CHARS + " characters as JSON");
    }
    // Answer a known duplicate before creating anything; a concurrent one is caught in the
    // workflow.
    borrowers
        .findIdByIdentifier(platform.id(), country.name(), identifier)
        .ifPresent(
            existing -> {
              throw duplicate(existing);
            });
    String borrowerId = UUID.randomUUID().toString();
    OnboardBorrower input =
        new OnboardBorrower(
            borrowerId,
            platform.id(),
            identifier,
            type,
            country,
            request.name(),
            signedAt,
            metadata,
            policy,
            null);
    try (DecisionWaits.Wait wait =
        decisionWaits.tryWait(Boolean.TRUE.equals(request.waitForReady()))) {
      workflows.onboardBorrower(input, "create-" + borrowerId, wait.granted());
    } catch (WorkflowGateway.DuplicateIdentifier e) {
      throw duplicate(e.existingBorrowerId());
    }
    if (signedAt != null) {
      // Signed with its creation: the current version, in the country's language.
      terms.accept(
          platform.id(),
          borrowerId,
          catalogue.current(),
          catalogue.defaultLanguage(country.name()),
          signedAt,
          clock.instant());
    }
    return get(platform, borrowerId);
  }

  public BorrowerResponse sign(Platform platform, String id, SignRequest request) {
    BorrowerRow borrower = row(platform, id);
    Instant signedAt = request.signedAt().toInstant();
    requireNotFuture("signed_at", signedAt);
    String version = request.termsVersion() == null ? catalogue.current() : request.termsVersion();
    String language =
        request.language() == null
            ? catalogue.defaultLanguage(borrower.country())
            : request.language();
    if (!catalogue.versions().contains(version)) {
      throw ApiException.invalidField(
          "terms_version", "invalid_value", "is not a published version: " + catalogue.versions());
    }
    if (!catalogue.languages(borrower.country()).contains(language)) {
      throw ApiException.invalidField(
          "language",
          "invalid_value",
          "the T&Cs of "
              + borrower.country()
              + " are in "
              + catalogue.languages(borrower.country()));
    }
    // Before the workflow hears of it: a loan assessed right after the answer finds the version.
    terms.accept(platform.id(), id, version, language, signedAt, clock.instant());
    try (DecisionWaits.Wait wait =
        decisionWaits.tryWait(Boolean.TRUE.equals(request.waitForReady()))) {
      workflows.sign(id, new SignTerms("sign-" + id, signedAt, wait.granted()));
    } catch (WorkflowGateway.Rejected e) {
      throw new ApiException(ErrorCode.INVALID_STATE, e.getMessage());
    }
    return get(platform, id);
  }

  public RepaymentMethodResponse addRepaymentMethod(
      Platform platform, String id, RepaymentMethodRequest request) {
    BorrowerRow borrower = row(platform, id);
    AddRepaymentMethod command = repaymentMethod(request);
    try {
      return RepaymentMethodResponse.of(
          workflows.addRepaymentMethod(id, command), virtualAccount(borrower));
    } catch (WorkflowGateway.Rejected e) {
      throw new ApiException(ErrorCode.INVALID_STATE, e.getMessage());
    }
  }

  public PageResponse<RepaymentMethodResponse> repaymentMethods(Platform platform, String id) {
    BorrowerRow borrower = row(platform, id);
    RepaymentMethodResponse.Account virtual = virtualAccount(borrower);
    return new PageResponse<>(
        methods.findByBorrower(platform.id(), id).stream()
            .map(m -> RepaymentMethodResponse.of(m, virtual))
            .toList(),
        null);
  }

  public CreditLineResponse submitFinancialData(
      Platform platform, String id, FinancialDataRequest request) {
    row(platform, id);
    if (request.annualRevenue() == null
        && request.salesHistoryMonths() == null
        && request.accountingDataProvided() == null) {
      throw ApiException.invalidField(
          "body",
          "required",
          "give at least one of annual_revenue, sales_history_months, accounting_data_provided");
    }
    try {
      workflows.submitFinancialData(
          id,
          new SubmitFinancialData(
              "data-" + UUID.randomUUID(),
              request.annualRevenue(),
              request.salesHistoryMonths(),
              request.accountingDataProvided()));
    } catch (WorkflowGateway.Rejected e) {
      throw new ApiException(ErrorCode.INVALID_STATE, e.getMessage());
    }
    return creditLines
        .findByBorrower(platform.id(), id)
        .map(CreditLineResponse::of)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.INVALID_STATE,
                    "Data stored; the credit line opens once the borrower has signed"));
  }

  public CreditLineResponse creditLine(Platform platform, String id) {
    row(platform, id);
    return creditLines
        .findByBorrower(platform.id(), id)
        .map(CreditLineResponse::of)
        .orElseThrow(() -> ApiException.notFound("Credit line of borrower " + id));
  }

  public PageResponse<CreditLineResponse> creditLines(Platform platform, String borrowerId) {
    return new PageResponse<>(
        creditLines.findByBorrower(platform.id(), borrowerId).stream()
            .map(CreditLineResponse::of)
            .toList(),
        null);
  }

  /** The T&Cs the borrower accepted; a signature from before versions is the first version. */
  private BorrowerResponse.TermsAccepted accepted(BorrowerRow row) {
    return terms
        .latest(row.id())
        .map(a -> new BorrowerResponse.TermsAccepted(a.version(), a.language()))
        .orElse(
            row.signedAt() == null
                ? null
                : new BorrowerResponse.TermsAccepted(
                    catalogue.first(), catalogue.defaultLanguage(row.country())));
  }

  public BorrowerResponse get(Platform platform, String id) {
    BorrowerRow row = row(platform, id);
    return BorrowerResponse.of(row, bic, accepted(row));
  }

  public PageResponse<BorrowerResponse> list(
      Platform platform, BorrowerStatus status, String identifier, PageRequest page) {
    List<BorrowerRow> rows =
        borrowers.find(
            new BorrowerQuery(
                platform.id(),
                status == null ? null : status.name(),
                identifier == null ? null : CompanyIdentifiers.normalize(identifier),
                page.ascending(),
                page.afterTime(),
                page.afterId(),
                page.fetchSize()));
    boolean more = rows.size() > page.pageSize();
    List<BorrowerRow> pageRows = more ? rows.subList(0, page.pageSize()) : rows;
    String next = null;
    if (more) {
      BorrowerRow last = pageRows.get(pageRows.size() - 1);
      next = page.cursorAfter(last.createdAt(), last.id());
    }
    return new PageResponse<>(
        pageRows.stream().map(r -> BorrowerResponse.of(r, bic, accepted(r))).toList(), next);
  }

  private BorrowerRow row(Platform platform, String id) {
    return borrowers
        .findById(platform.id(), id)
        .orElseThrow(() -> ApiException.notFound("Borrower " + id));
  }

  private RepaymentMethodResponse.Account virtualAccount(BorrowerRow borrower) {
    return borrower.virtualIban() == null
        ? null
        : new RepaymentMethodResponse.Account(borrower.virtualIban(), bic);
  }

  /** Checks every field of a repayment method at once, so that one answer lists all problems. */
  private AddRepaymentMethod repaymentMethod(RepaymentMethodRequest r) {
    List<FieldProblem> problems = new ArrayList<>();
    boolean sdd = r.paymentMethod() == PaymentMethod.DIRECT_DEBIT;
    RepaymentMethodRequest.Account account = r.fromAccount();
    String iban = null;
    String accountBic = null;
    if (account == null || account.accountNumber() == null) {
      if (sdd) {
        problems.add(
            new FieldProblem("from_account.account_number", "required", "the IBAN to debit"));
      }
    } else {
      iban = account.accountNumber().replace(" ", "").toUpperCase(Locale.ROOT);
      if (!Iban.isValid(iban)) {
        problems.add(
            new FieldProblem(
                "from_account.account_number",
                "invalid_iban",
                "not a valid IBAN (length and mod-97 check digits)"));
      }
      accountBic =
          account.bankIdentifier() == null
              ? null
              : account.bankIdentifier().toUpperCase(Locale.ROOT);
      if (accountBic == null && sdd) {
        problems.add(new FieldProblem("from_account.bank_identifier", "required", "the BIC"));
      } else if (accountBic != null && !Bic.isValid(accountBic)) {
        problems.add(
            new FieldProblem(
                "from_account.bank_identifier",
                "invalid_bic",
                "a BIC is 8 or 11 characters: bank, country, location, branch"));
      }
    }
    RepaymentMethodRequest.LegalRepresentative rep = r.legalRepresentative();
    if (sdd) {
      if (r.businessEmail() == null) {
        problems.add(new FieldProblem("business_email", "required", "is required for SDD"));
      }
      if (rep == null) {
        problems.add(new FieldProblem("legal_representative", "required", "is required for SDD"));
      } else {
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        if (rep.birthDate() == null) {
          problems.add(
              new FieldProblem("legal_representative.birth_date", "required", "is required"));
        } else if (rep.birthDate().plusYears(ADULT_AGE).isAfter(today)) {
          problems.add(
              new FieldProblem(
                  "legal_representative.birth_date",
                  "invalid_value",
                  "the legal representative must be an adult"));
        } else if (rep.birthDate().isBefore(EARLIEST_BIRTH_DATE)) {
          problems.add(
              new FieldProblem(
                  "legal_representative.birth_date", "out_of_range", "must be in 1900 or later"));
        }
        checkCountry(problems, "legal_representative.nationality", rep.nationality());
        checkCountry(
            problems, "legal_representative.country_of_residence", rep.countryOfResidence());
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          problems.stream()
              .map(p -> p.field() + ": " + p.message())
              .reduce((a, b) -> a + "; " + b)
              .orElse(""),
          problems,
          Map.of());
    }
    return new AddRepaymentMethod(
        "method-" + UUID.randomUUID(),
        r.paymentMethod(),
        iban,
        accountBic,
        r.businessEmail(),
        rep == null ? null : rep.birthDate(),
        rep == null ? null : upper(rep.nationality()),
        rep == null ? null : upper(rep.countryOfResidence()),
        Boolean.TRUE.equals(r.isDefaultRepaymentMethod()),
        Boolean.TRUE.equals(r.applyToAllActiveLoans()),
        r.name());
  }

  private static void checkCountry(List<FieldProblem> problems, String field, String value) {
    if (value == null) {
      problems.add(new FieldProblem(field, "required", "is required"));
    } else if (!ISO_COUNTRIES.contains(value.toUpperCase(Locale.ROOT))) {
      problems.add(
          new FieldProblem(field, "invalid_value", "an ISO 3166-1 alpha-3 code such as FRA"));
    }
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  /** Signatures from before 2000 are typos, not signatures: Avance did not exist. */
  private static final Instant EARLIEST_SIGNATURE = Instant.parse("2000-01-01T00:00:00Z");

  /** No legal representative was born before 1900. */
  private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  private void requireNotFuture(String field, Instant instant) {
    if (instant != null && instant.isAfter(clock.instant())) {
      throw ApiException.invalidField(field, "invalid_value", "must not be in the future");
    }
    if (instant != null && instant.isBefore(EARLIEST_SIGNATURE)) {
      throw ApiException.invalidField(field, "out_of_range", "must be in 2000 or later");
    }
  }

  private static ApiException duplicate(String existingId) {
    return new ApiException(
        ErrorCode.DUPLICATE_IDENTIFIER,
        "This platform already onboarded this registration number as borrower " + existingId,
        List.of(),
        Map.of("existing_borrower_id", existingId));
  }
}
