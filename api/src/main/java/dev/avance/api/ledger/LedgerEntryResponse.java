package dev.avance.api.ledger;

import dev.avance.activities.ledger.EntryKind;
import dev.avance.activities.ledger.Ledger.StoredEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One journal entry of a loan, with its lines. */
@Schema(name = "LedgerEntry")
public record LedgerEntryResponse(
    @Schema(description = "The entry's id in the journal.") long id,
    @Schema(
            description =
                "The business key of the money fact, once in the books (e.g."
                    + " `<loan>:payout:booked`, `<loan>:<payment>:applied`).")
        String key,
    @Schema(description = "What the fact is.") EntryKind kind,
    @Schema(description = "When the fact happened (the bank's booking, the repayment).")
        Instant occurredAt,
    @Schema(description = "When the entry was posted.") Instant createdAt,
    @Schema(description = "The lines; they add up to zero.") List<Line> lines) {

  /** A line: an account, the cents and the side (a debit is positive, a credit negative). */
  @Schema(name = "LedgerLine")
  public record Line(
      @Schema(description = "The account, `<owner type>:<owner id>:<kind>`.") String account,
      @Schema(description = "Signed cents: positive for a debit, negative for a credit.")
          long amount,
      @Schema(
              description = "`DEBIT` or `CREDIT`.",
              allowableValues = {"DEBIT", "CREDIT"})
          String side) {}

  static LedgerEntryResponse of(StoredEntry e) {
    return new LedgerEntryResponse(
        e.id(),
        e.key(),
        e.kind(),
        e.occurredAt(),
        e.createdAt(),
        e.lines().stream().map(l -> new Line(l.account(), l.amountCents(), l.side())).toList());
  }
}
