package dev.avance.api.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.workflows.loan.DelinquencyDays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The collections stages' days as Spring binds them at startup: defaults, overrides, order. */
class DelinquencyDaysPropertiesTest {

  private static DelinquencyDaysProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("avance.loan.delinquency-days", DelinquencyDaysProperties.class);
  }

  @Test
  void unsetTheStagesAreTheGuidesDays() {
    assertThat(bind(Map.of()).days()).isEqualTo(DelinquencyDays.DEFAULT);
  }

  @Test
  void eachStageCanBeSet() {
    DelinquencyDaysProperties settings =
        bind(
            Map.of(
                "avance.loan.delinquency-days.late", "2",
                "avance.loan.delinquency-days.reported-overdue", "5",
                "avance.loan.delinquency-days.collections", "10",
                "avance.loan.delinquency-days.defaulted", "20"));
    assertThat(settings.days()).isEqualTo(new DelinquencyDays(2, 5, 10, 20));
    // One stage alone, the others at their defaults.
    assertThat(bind(Map.of("avance.loan.delinquency-days.defaulted", "90")).days())
        .isEqualTo(new DelinquencyDays(1, 4, 15, 90));
  }

  @Test
  void stagesOutOfOrderFailTheStartup() {
    assertThatThrownBy(() -> bind(Map.of("avance.loan.delinquency-days.collections", "3")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("must increase");
    assertThatThrownBy(() -> bind(Map.of("avance.loan.delinquency-days.late", "0")))
        .isInstanceOf(BindException.class);
  }
}
