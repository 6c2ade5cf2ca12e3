package dev.avance.api.bank;

import dev.avance.activities.bank.BankEntryKind;
import dev.avance.activities.bank.BankEntryOutcome;
import dev.avance.activities.bank.BankEntryRepository.BankEntryRow;
import dev.avance.activities.bank.BankFollowUp;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** One entry of a received file, and what Avance made of it. */
@Schema(description = "An entry of a received bank file: a payment's status or a booking.")
public record BankEntryResponse(
    long id,
    BankEntryKind kind,
    BankEntryOutcome outcome,
    @Schema(description = "The EndToEndId the entry names, if any.") String endToEndId,
    @Schema(description = "Avance's payment it applied to, if any.") String paymentId,
    @Schema(description = "Euro cents, as the bank reported them.") Long amount,
    String currency,
    @Schema(description = "The ISO reason (AC04, AM04, MD06...) of a rejection or a return.")
        String reasonCode,
    @Schema(description = "The bank's reference of the booking or status.") String bankReference,
    LocalDate bookingDate,
    @Schema(description = "What operators need to know, e.g. the credit it recorded.")
        String detail,
    @Schema(description = "Work left to the workflows, if any.") BankFollowUp followUp,
    @Schema(description = "When that work was done.") Instant followUpDoneAt) {

  static BankEntryResponse of(BankEntryRow row) {
    return new BankEntryResponse(
        row.id(),
        row.kind(),
        row.outcome(),
        row.endToEndId(),
        row.paymentId(),
        row.amountCents(),
        row.currency(),
        row.reasonCode(),
        row.bankReference(),
        row.bookingDate(),
        row.detail(),
        row.followUp(),
        row.followUpDoneAt());
  }
}
