package dev.avance.api.borrower;

import dev.avance.activities.borrower.BorrowerQuery;
import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.borrower.BorrowerRow;
import dev.avance.activities.platform.Platform;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.workflows.borrower.BorrowerStatus;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import dev.avance.workflows.borrower.OnboardBorrower;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

@Service
public class BorrowerService {
  private static final int MAX_METADATA_CHARS = 4096;

  private final WorkflowGateway workflows;
  private final BorrowerRepository borrowers;
  private final JsonMapper json;
  private final Clock clock;

  public BorrowerService(
      WorkflowGateway workflows, BorrowerRepository borrowers, JsonMapper json, Clock clock) {
    this.workflows = workflows;
    this.borrowers = borrowers;
    this.json = json;
    this.clock = clock;
  }

  public BorrowerResponse create(Platform platform, CreateBorrowerRequest request) {
    Country country = request.country() == null ? Country.FRA : request.country();
    IdentifierType type =
        request.identifierType() == null
            ? IdentifierType.defaultFor(country)
            : request.identifierType();
    String identifier = request.identifier().replaceAll("[ .-]", "").toUpperCase(Locale.ROOT);
    Instant signedAt = request.signedAt() == null ? null : request.signedAt().toInstant();
    if (signedAt != null && signedAt.isAfter(clock.instant())) {
      throw ApiException.invalidField("signed_at", "invalid_value", "must not be in the future");
    }
    String metadata =
        request.metadata() == null ? null : json.writeValueAsString(request.metadata());
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
            metadata);
    try {
      workflows.onboardBorrower(input, "create-" + borrowerId);
    } catch (WorkflowGateway.DuplicateIdentifier e) {
      throw duplicate(e.existingBorrowerId());
    }
    return get(platform, borrowerId);
  }

  public BorrowerResponse get(Platform platform, String id) {
    return borrowers
        .findById(platform.id(), id)
        .map(BorrowerResponse::of)
        .orElseThrow(() -> ApiException.notFound("Borrower " + id));
  }

  public PageResponse<BorrowerResponse> list(
      Platform platform, BorrowerStatus status, String identifier, PageRequest page) {
    List<BorrowerRow> rows =
        borrowers.find(
            new BorrowerQuery(
                platform.id(),
                status == null ? null : status.name(),
                identifier,
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
    return new PageResponse<>(pageRows.stream().map(BorrowerResponse::of).toList(), next);
  }

  private static ApiException duplicate(String existingId) {
    return new ApiException(
        ErrorCode.DUPLICATE_IDENTIFIER,
        "This platform already onboarded this registration number as borrower " + existingId,
        List.of(),
        Map.of("existing_borrower_id", existingId));
  }
}
