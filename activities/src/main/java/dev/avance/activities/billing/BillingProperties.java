package dev.avance.activities.billing;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing's settings (README, Billing).
 *
 * @param penaltyDailyRate the share of the late principal billed as a penalty for each day after
 *     the loan's due date, a decimal string bound exactly (e.g. {@code 0.0002} is 0.02 % a day); 0,
 *     the default, bills no penalty at all
 */
@ConfigurationProperties("avance.billing")
public record BillingProperties(@DefaultValue("0") BigDecimal penaltyDailyRate) {
  /**
   * 1 % a day: far beyond any sane penalty, so a rate above it is a typo (a percent for a rate).
   */
  static final BigDecimal MAX_PENALTY_DAILY_RATE = new BigDecimal("0.01");

  public BillingProperties {
    // Checked at binding, so that a node with a wrong rate fails at startup, not at the 1st.
    if (penaltyDailyRate == null
        || penaltyDailyRate.signum() < 0
        || penaltyDailyRate.compareTo(MAX_PENALTY_DAILY_RATE) > 0) {
      throw new IllegalArgumentException(
          "avance.billing.penalty-daily-rate must be between 0 and "
              + MAX_PENALTY_DAILY_RATE
              + ": "
              + penaltyDailyRate);
    }
  }

  /** Whether penalties are billed at all. */
  boolean penalties() {
    return penaltyDailyRate.signum() > 0;
  }
}
