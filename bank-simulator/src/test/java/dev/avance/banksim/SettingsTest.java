package dev.avance.banksim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.bank.iso20022.MessageType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void absentDurationsTakeTheirDefaults() {
    BankSimulatorProperties p =
        new BankSimulatorProperties(true, null, null, false, null, false, null, null, null);
    assertThat(p.ackDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(p.instantDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.deliveryInterval()).isEqualTo(Duration.ofMillis(200));
    assertThat(p.duplicateDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.faultPoint()).isNull();
  }

  @Test
  void badSettingsFailAtStart() {
    assertThatThrownBy(
            () -> BankSimulatorProperties.defaults().withAckDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ack-delay");
    assertThatThrownBy(() -> BankSimulatorProperties.defaults().withDeliveryInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BankSimulatorProperties.defaults().withKillAfterAccept("pain.001"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BankSimulatorProperties.defaults().withKillAfterAccept("pain.999:1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BankSimulatorProperties.defaults().withKillAfterAccept("pain.001:0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFaultPointNamesAMessageTypeByShortOrFullCode() {
    assertThat(FaultPoint.parse("pain.001:3")).isEqualTo(new FaultPoint(MessageType.PAIN_001, 3));
    assertThat(FaultPoint.parse(" pain.008.001.09 : 12 "))
        .isEqualTo(new FaultPoint(MessageType.PAIN_008, 12));
    assertThat(FaultPoint.parse("  ")).isNull();
    assertThat(FaultPoint.parse("camt.055:1").toString()).isEqualTo("camt.055.001.09:1");
  }
}
