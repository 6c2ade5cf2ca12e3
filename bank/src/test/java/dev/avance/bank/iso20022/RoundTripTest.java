package dev.avance.bank.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.bank.iso20022.CancellationResolution.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
  static Stream<BankMessage> messages() {
    return Stream.of(
        Messages.creditTransfers(),
        Messages.instantTransfer(),
        Messages.directDebits(),
        Messages.b2bDebit(),
        Messages.statusReport(),
        Messages.rejectedFile(),
        Messages.notification(),
        Messages.cancellation(),
        Messages.transferCancellation(),
        Messages.resolution(Status.CNCL, null),
        Messages.resolution(Status.RJCR, "ARDT"),
        Messages.resolution(Status.PDCR, null));
  }

  @ParameterizedTest
  @MethodSource("messages")
  void readingWhatWasWrittenGivesTheSameRecord(BankMessage message) {
    byte[] xml = Iso20022.write(message);

    assertThat(Iso20022.detect(xml)).isEqualTo(message.type());
    assertThat(Iso20022.read(xml)).isEqualTo(message);
  }
}
