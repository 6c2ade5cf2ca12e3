package dev.avance.banksim;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the bank simulator ({@code avance.bank-simulator.*}); an absent duration takes its
 * default.
 *
 * @param enabled whether {@link BankSimulatorConfiguration} creates the simulator at all
 * @param ackDelay how long after a file arrives its pain.002 (or camt.029) is due; default 0.2 s
 * @param instantDelay how long after it arrives an SCT Inst payout settles; default 1 s
 * @param duplicateDeliveries every answer file is delivered a second time, {@code duplicateDelay}
 *     later, as a bank's retrying file transfer does
 * @param duplicateDelay how much later the second copy is due; default 1 s
 * @param reorder a file's pain.002 is held until after the camt.054 of its settlements (by {@code
 *     ackDelay}), so that Avance sees the booking of a payment before its acceptance
 * @param deliveryInterval how often the delivery thread runs {@link BankSimulator#tick()}; default
 *     0.2 s
 * @param killAfterAccept a crash to play, e.g. {@code pain.001:3} (see {@link FaultPoint}); blank
 *     for none
 * @param datedDelay sandbox time compression: when set, a dated credit transfer or a direct debit
 *     settles this long after it arrived instead of on its business day (its settlement date, from
 *     which the return windows count, stays the real one), so that a demo or a test does not wait
 *     days; unset (the default) in any bank that plays the calendar
 */
@ConfigurationProperties("avance.bank-simulator")
public record BankSimulatorProperties(
    boolean enabled,
    Duration ackDelay,
    Duration instantDelay,
    boolean duplicateDeliveries,
    Duration duplicateDelay,
    boolean reorder,
    Duration deliveryInterval,
    String killAfterAccept,
    Duration datedDelay) {

  public BankSimulatorProperties {
    ackDelay = orDefault(ackDelay, Duration.ofMillis(200), "ack-delay");
    instantDelay = orDefault(instantDelay, Duration.ofSeconds(1), "instant-delay");
    duplicateDelay = orDefault(duplicateDelay, Duration.ofSeconds(1), "duplicate-delay");
    deliveryInterval = orDefault(deliveryInterval, Duration.ofMillis(200), "delivery-interval");
    if (deliveryInterval.isZero()) {
      throw new IllegalArgumentException("avance.bank-simulator.delivery-interval must be > 0");
    }
    // Fails at start, not at the crash it was meant to play.
    FaultPoint.parse(killAfterAccept);
  }

  /** Enabled, every other setting at its default. */
  public static BankSimulatorProperties defaults() {
    return new BankSimulatorProperties(true, null, null, false, null, false, null, null, null);
  }

  public BankSimulatorProperties withAckDelay(Duration value) {
    return new BankSimulatorProperties(
        enabled,
        value,
        instantDelay,
        duplicateDeliveries,
        duplicateDelay,
        reorder,
        deliveryInterval,
        killAfterAccept,
        datedDelay);
  }

  public BankSimulatorProperties withInstantDelay(Duration value) {
    return new BankSimulatorProperties(
        enabled,
        ackDelay,
        value,
        duplicateDeliveries,
        duplicateDelay,
        reorder,
        deliveryInterval,
        killAfterAccept,
        datedDelay);
  }

  public BankSimulatorProperties withDuplicateDeliveries(boolean value) {
    return new BankSimulatorProperties(
        enabled,
        ackDelay,
        instantDelay,
        value,
        duplicateDelay,
        reorder,
        deliveryInterval,
        killAfterAccept,
        datedDelay);
  }

  public BankSimulatorProperties withReorder(boolean value) {
    return new BankSimulatorProperties(
        enabled,
        ackDelay,
        instantDelay,
        duplicateDeliveries,
        duplicateDelay,
        value,
        deliveryInterval,
        killAfterAccept,
        datedDelay);
  }

  public BankSimulatorProperties withDeliveryInterval(Duration value) {
    return new BankSimulatorProperties(
        enabled,
        ackDelay,
        instantDelay,
        duplicateDeliveries,
        duplicateDelay,
        reorder,
        value,
        killAfterAccept,
        datedDelay);
  }

  public BankSimulatorProperties withKillAfterAccept(String value) {
    return new BankSimulatorProperties(
        enabled,
        ackDelay,
        instantDelay,
        duplicateDeliveries,
        duplicateDelay,
        reorder,
        deliveryInterval,
        value,
        datedDelay);
  }

  public BankSimulatorProperties withDatedDelay(Duration value) {
    return new BankSimulatorProperties(
        enabled,
        ackDelay,
        instantDelay,
        duplicateDeliveries,
        duplicateDelay,
        reorder,
        deliveryInterval,
        killAfterAccept,
        value);
  }

  /** The parsed {@link #killAfterAccept}, or null. */
  public FaultPoint faultPoint() {
    return FaultPoint.parse(killAfterAccept);
  }

  private static Duration orDefault(Duration value, Duration fallback, String name) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException("avance.bank-simulator." + name + " is negative");
    }
    return value;
  }
}
