package dev.avance.api.ledger;

import dev.avance.activities.ledger.CheckName;
import dev.avance.activities.ledger.LedgerCheck;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every invariant of the books, with its breaks. */
@Schema(name = "LedgerCheck")
public record LedgerCheckResponse(
    @Schema(description = "Breaks over all checks; 0 when the books hold.") int breaks,
    @Schema(description = "One result per invariant.") List<Check> checks) {

  /** One invariant's result. */
  @Schema(name = "LedgerCheckResult")
  public record Check(
      @Schema(description = "The invariant.") CheckName name,
      @Schema(description = "How many rows break it.") int breaks,
      @Schema(description = "A few of them (ids and cents, never personal data).")
          List<String> examples) {}

  static LedgerCheckResponse of(LedgerCheck.Report report) {
    return new LedgerCheckResponse(
        report.breaks(),
        report.checks().stream().map(c -> new Check(c.name(), c.breaks(), c.examples())).toList());
  }
}
