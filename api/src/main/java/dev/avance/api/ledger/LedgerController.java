package dev.avance.api.ledger;

import dev.avance.activities.ledger.Ledger;
import dev.avance.activities.ledger.Ledger.StoredEntry;
import dev.avance.activities.ledger.LedgerCheck;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.platform.Platform;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The books: a loan's journal entries, and the operators' check of every invariant. */
@RestController
public class LedgerController {
  /** A loan records what its books say when it next waits: seconds, at most a minute. */
  static final Duration RECORDING_GRACE = Duration.ofMinutes(1);

  private final Ledger ledger;
  private final LedgerCheck check;
  private final LoanRepository loans;

  public LedgerController(Ledger ledger, LedgerCheck check, LoanRepository loans) {
    this.ledger = ledger;
    this.check = check;
    this.loans = loans;
  }

  @Operation(
      operationId = "listLoanLedgerEntries",
      summary = "List a loan's journal entries",
      description =
          "Every money fact of the loan as the books hold it (payout, repayments, returns,"
              + " interest billed and paid), with its balanced lines. Newest first by default.",
      tags = Tags.LOANS)
  @GetMapping("/loan/{id}/ledger")
  public PageResponse<LedgerEntryResponse> loanLedger(
      Platform platform,
      @PathVariable String id,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "page_size", required = false) Integer pageSize,
      @RequestParam(name = "sort_by", required = false) String sortBy) {
    PageRequest page = PageRequest.parse(cursor, pageSize, sortBy);
    loans.findById(platform.id(), id).orElseThrow(() -> ApiException.notFound("Loan " + id));
    long after;
    try {
      after = page.afterId() == null ? 0 : Long.parseLong(page.afterId());
    } catch (NumberFormatException e) {
      throw ApiException.invalidField(
          "cursor", "invalid_value", "is not a cursor returned by this list");
    }
    List<StoredEntry> rows =
        ledger.entriesOfLoan(platform.id(), id, after, page.fetchSize(), !page.ascending());
    boolean more = rows.size() > page.pageSize();
    List<StoredEntry> shown = more ? rows.subList(0, page.pageSize()) : rows;
    StoredEntry last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
    String next = more ? page.cursorAfter(last.createdAt(), Long.toString(last.id())) : null;
    return new PageResponse<>(shown.stream().map(LedgerEntryResponse::of).toList(), next);
  }

  @Operation(
      operationId = "checkLedger",
      summary = "Check the books",
      description =
          "Runs every invariant in one snapshot: each journal entry balanced; Avance's bank cash"
              + " (per channel) equals the bank's booked movements; each paid-out loan's"
              + " reservation and read model equal its principal account; each credit line's used"
              + " amount equals its loans' principal plus pending; no negative loan balance;"
              + " each written-off loan's principal at zero and its entry equal to its record"
              + " (written-off loans are left out of the reservation, read model and credit"
              + " line checks)."
              + " Answers the number of breaks, with examples. Operator key only.",
      tags = Tags.OPERATORS)
  @ProblemResponse(
      status = 403,
      description =
          "`forbidden`: a platform's key; `operator_access_disabled`: no operator key is"
              + " configured")
  @GetMapping("/ops/ledger/check")
  public LedgerCheckResponse checkLedger() {
    return LedgerCheckResponse.of(check.run(RECORDING_GRACE));
  }
}
