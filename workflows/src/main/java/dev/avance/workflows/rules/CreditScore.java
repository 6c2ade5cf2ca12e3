package dev.avance.workflows.rules;

import java.util.List;

/** A credit line's maximum in euro cents, with one sentence per scoring step explaining it. */
public record CreditScore(long maxAmountCents, List<String> factors) {
  public CreditScore {
    factors = List.copyOf(factors);
  }
}
