package dev.avance.api.bank;

import dev.avance.activities.bank.BankEntryOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** What became of an uploaded bank file. */
@Schema(description = "A bank file received: stored and applied once, by its message id.")
public record ReceivedBankMessageResponse(
    @Schema(description = "Avance's id of the file (GET /ops/bank/message/{id}).") long id,
    String messageId,
    String type,
    @Schema(description = "True when this message id had been received before: nothing applied.")
        boolean duplicate,
    @Schema(description = "The entries the file carries.") int entries,
    @Schema(description = "How many entries had each outcome (empty for a duplicate).")
        Map<BankEntryOutcome, Integer> outcomes) {}
