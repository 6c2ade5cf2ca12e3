package dev.avance.api.bank;

import dev.avance.activities.bank.BankMessageRepository.BankMessageRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A file exchanged with the bank, without its content (GET /ops/bank/message/{id} has it). */
@Schema(description = "An ISO 20022 file sent to the bank or received from it.")
public record BankMessageResponse(
    @Schema(description = "Avance's id of the file.") long id,
    @Schema(allowableValues = {"OUT", "IN"}) String direction,
    @Schema(
            description = "LIVE: the real bank; SANDBOX: the bank simulator.",
            allowableValues = {"LIVE", "SANDBOX"})
        String channel,
    @Schema(description = "The ISO 20022 message definition.", example = "pain.001.001.10")
        String type,
    @Schema(description = "GrpHdr/MsgId: the id the bank deduplicates by.") String messageId,
    @Schema(
            description =
                "OUT: PENDING until the bank took it, then SENT. IN: APPLIED with its entries.",
            allowableValues = {"PENDING", "SENT", "APPLIED"})
        String status,
    @Schema(description = "Payments (OUT) or entries (IN) the file carries.") int entries,
    @Schema(description = "Attempts to hand it to the bank (OUT).") int attempts,
    @Schema(description = "Why the last attempt failed (OUT), if it did.") String lastError,
    Instant createdAt,
    @Schema(description = "When the bank took it (OUT).") Instant sentAt) {

  static BankMessageResponse of(BankMessageRow row) {
    return new BankMessageResponse(
        row.id(),
        row.direction().name(),
        row.channel().name(),
        row.type(),
        row.messageId(),
        row.status(),
        row.entries(),
        row.attempts(),
        row.lastError(),
        row.createdAt(),
        row.sentAt());
  }
}
