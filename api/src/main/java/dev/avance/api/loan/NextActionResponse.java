package dev.avance.api.loan;

import dev.avance.workflows.rules.NextAction;
import dev.avance.workflows.rules.NextActionType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** What will next happen to a loan, and when. */
@Schema(description = "What will next happen to the loan, and on which day (Europe/Paris).")
public record NextActionResponse(
    @Schema(
            description =
                "DECISION, CONSENT (until `date`), PAYOUT, DEBIT_INSTRUCTION, DEBIT_COLLECTION,"
                    + " REPAYMENT_DUE, REMINDER (late), BILLING, BILL_PAYMENT or NONE.")
        NextActionType type,
    @Schema(description = "The day it happens; null when not known (BILL_PAYMENT, NONE).")
        LocalDate date) {

  static NextActionResponse of(NextAction action) {
    return new NextActionResponse(action.type(), action.date());
  }
}
