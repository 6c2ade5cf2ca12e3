package dev.avance.api.borrower;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Whether to show "Cash in now": a loan of the smallest amount would be accepted now. */
public record EligibilityResponse(
    String borrowerId,
    @Schema(
            description =
                "True only when a loan of `minimum_amount` would be accepted now; then `reasons`"
                    + " is empty.")
        boolean canRequestLoan,
    @Schema(description = "Why not, every reason at once, in the order to fix them.")
        List<Reason> reasons,
    @Schema(description = "The smallest loan, in cents.", example = "1") long minimumAmount,
    @Schema(
            description =
                "The most a loan can be now: the line's available amount capped by"
                    + " the per-loan cap, in cents; 0 without an open line.")
        long maximumAmount,
    Instant checkedAt) {

  /** One reason, with the code a declined loan would carry as its `denial_reason`. */
  public record Reason(
      @Schema(example = "BORROWER_TO_SIGN") String code,
      @Schema(example = "The borrower has not signed the T&Cs yet.") String description) {}
}
