package dev.avance.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The penalty rate as Spring binds it at startup: exact, off by default, bounded. */
class BillingPropertiesTest {

  private static BillingProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("avance.billing", BillingProperties.class);
  }

  @Test
  void theRateIsZeroAndPenaltiesOffUnlessSet() {
    BillingProperties settings = bind(Map.of());
    assertThat(settings.penaltyDailyRate()).isEqualByComparingTo("0");
    assertThat(settings.penalties()).isFalse();
  }

  @Test
  void aDecimalStringIsBoundExactly() {
    BillingProperties settings = bind(Map.of("avance.billing.penalty-daily-rate", "0.00015"));
    // Exactly 15 hundred-thousandths: the scale survives, no binary fraction creeps in.
    assertThat(settings.penaltyDailyRate()).isEqualTo(new java.math.BigDecimal("0.00015"));
    assertThat(settings.penalties()).isTrue();
    assertThat(bind(Map.of("avance.billing.penalty-daily-rate", "0.01")).penaltyDailyRate())
        .isEqualByComparingTo("0.01");
  }

  @Test
  void aRateOutsideZeroToOnePercentFailsTheStartup() {
    assertThatThrownBy(() -> bind(Map.of("avance.billing.penalty-daily-rate", "-0.0001")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("between 0 and 0.01");
    assertThatThrownBy(() -> bind(Map.of("avance.billing.penalty-daily-rate", "0.0101")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("between 0 and 0.01");
    // A percent typed for a rate.
    assertThatThrownBy(() -> bind(Map.of("avance.billing.penalty-daily-rate", "2")))
        .isInstanceOf(BindException.class);
  }
}
